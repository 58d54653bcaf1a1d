import { blocks, bulletList, code, details, heading, table, type CheckAnnotation } from '@arc-actions/report';
import type { PreviewObject } from './classify.js';
import type { AssignmentPreview, PreviewResult } from './run.js';

const where = (o: PreviewObject) => `${o.cluster} ${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
const LIST = 10;

/** The deny-impact preview as a report section: per assignment, the clusters sampled, the counts, the objects. */
export function renderPreview(preview: PreviewResult): string | undefined {
  if (!preview.assignments.length && !preview.skipped.length) return undefined;
  const evaluated = preview.assignments.filter((a) => a.status === 'evaluated' && a.clusters.length);
  return blocks(
    heading('Deny-impact preview', 3),
    `What Gatekeeper would do under Deny with the version in this pull request, evaluated by ${code('gator test')}${
      preview.gator ? ` (${preview.gator.source === 'PATH' ? 'from PATH' : 'downloaded, checksum verified'})` : ''
    } on the live objects of the sampled clusters, compared with the version in Azure.`,
    evaluated.length
      ? table(
          ['Assignment', 'Cluster', 'Evaluated', 'Would be denied', 'of which new', 'Would newly pass', 'Unchanged'],
          evaluated.flatMap((a) =>
            a.clusters.map((c) => [
              a.name,
              c.cluster,
              String(c.evaluated),
              String(c.wouldBeDenied),
              String(c.newlyDenied),
              String(c.wouldNewlyPass),
              String(c.unchanged),
            ]),
          ),
        )
      : undefined,
    ...preview.assignments.map(renderAssignmentPreview),
    preview.skipped.length ? `Not previewed (nothing they evaluate changes): ${preview.skipped.map(code).join(', ')}.` : undefined,
  );
}

function renderAssignmentPreview(a: AssignmentPreview): string {
  if (a.status === 'failed') return blocks(heading(`Preview of ${a.name}`, 4), `⛔ Not evaluated: ${a.reason}`);
  const denied = a.objects.filter((o) => o.verdict === 'denied');
  const passes = a.objects.filter((o) => o.verdict === 'passes');
  const t = a.totals;
  return blocks(
    heading(`Preview of ${a.name}`, 4),
    `Sampled ${a.sampled.length} of ${a.inScope} clusters in scope${a.ring ? ` (ring ${a.ring})` : ''}: ${a.sampled.join(', ')}.` +
      (a.unreadable.length ? ` Could not read: ${a.unreadable.map((u) => `${u.cluster} (${u.reason})`).join('; ')}.` : '') +
      (a.notSampled.length
        ? ` Not sampled: ${a.notSampled.length} (${summarise(a.notSampled.map((n) => `${n.cluster}: ${n.reason}`))}).`
        : ''),
    `${t.evaluated} objects evaluated = ${t.wouldBeDenied} would be denied (${t.newlyDenied} new) + ${t.wouldNewlyPass} would newly pass + ${t.unchanged} unchanged` +
      (a.compared ? '.' : ' (the assignment does not exist yet, so every denial is new).'),
    denied.length
      ? details(
          `Would be denied under Deny (${denied.length})`,
          table(
            ['Cluster', 'Namespace', 'Kind', 'Name', 'New', 'Policies', 'Message'],
            denied.map((o) => [
              o.cluster,
              o.namespace ?? '',
              o.kind,
              o.name,
              o.new ? 'yes' : 'no',
              o.policies.join(', '),
              o.messages[0] ?? '',
            ]),
          ),
          { open: true },
        )
      : undefined,
    passes.length
      ? details(
          `Would newly pass (${passes.length})`,
          table(
            ['Cluster', 'Namespace', 'Kind', 'Name', 'Denied before by'],
            passes.map((o) => [o.cluster, o.namespace ?? '', o.kind, o.name, o.policies.join(', ')]),
          ),
        )
      : undefined,
  );
}

function summarise(items: string[]): string {
  return items.length > LIST ? `${items.slice(0, LIST).join(', ')} and ${items.length - LIST} more` : items.join(', ');
}

/** One annotation per previewed assignment at its YAML line: failure when the file wants Deny or nothing was concluded. */
export function previewAnnotations(preview: PreviewResult): CheckAnnotation[] {
  return preview.assignments
    .filter((a) => a.status === 'failed' || a.objects.length)
    .map((a) => {
      if (a.status === 'failed')
        return {
          path: a.file,
          start_line: a.line,
          end_line: a.line,
          annotation_level: 'failure' as const,
          title: `${a.name}: deny-impact preview not evaluated`,
          message: a.reason ?? 'The preview could not be evaluated.',
        };
      const denied = a.objects.filter((o) => o.verdict === 'denied');
      const passes = a.objects.filter((o) => o.verdict === 'passes');
      return {
        path: a.file,
        start_line: a.line,
        end_line: a.line,
        annotation_level: a.stage === 'deny' && denied.length ? ('failure' as const) : ('warning' as const),
        title: `${a.name}: ${denied.length} objects would be denied, ${passes.length} would newly pass (${a.sampled.length} clusters sampled)`,
        message:
          `Under Deny this version would reject ${denied.length} objects on ${a.sampled.join(', ')}` +
          (denied.length ? `: ${summarise(denied.map(where))}.` : '.') +
          (passes.length ? ` It would newly admit: ${summarise(passes.map(where))}.` : ''),
        raw_details: bulletList(denied.map((o) => `${where(o)}: ${o.messages[0] ?? o.policies.join(', ')}`)).slice(0, 60_000),
      };
    });
}

/** At most this many objects per assignment go into the `result` output (job outputs are limited to 1 MB in all). */
export const OUTPUT_OBJECTS = 200;

/** The preview for the `result` output: counts in full, objects capped (the report lists them all). */
export function previewOutput(preview: PreviewResult | undefined) {
  if (!preview) return undefined;
  return {
    ...preview,
    assignments: preview.assignments.map((a) => ({
      ...a,
      objects: a.objects.slice(0, OUTPUT_OBJECTS),
      ...(a.objects.length > OUTPUT_OBJECTS ? { objectsOmitted: a.objects.length - OUTPUT_OBJECTS } : {}),
    })),
  };
}
