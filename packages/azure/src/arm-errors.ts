/** Whether an SDK error is ARM's 404 (ResourceNotFound, ResourceGroupNotFound, PolicyAssignmentNotFound, …). */
export function isNotFound(error: unknown): boolean {
  return (error as { statusCode?: number })?.statusCode === 404 || /NotFound$/.test((error as { code?: string })?.code ?? '');
}

/** The resource, or undefined when ARM says it does not exist; any other error is thrown. */
export async function ifExists<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
