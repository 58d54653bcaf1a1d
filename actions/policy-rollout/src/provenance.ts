/** Where a write came from (packages/core: repository, commit, run URL, workflow, actor). */
export { provenanceFromEnv, type Provenance } from '@arc-actions/core';
