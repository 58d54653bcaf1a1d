/** A query outside the supported KQL subset or malformed: reported as Resource Graph's InvalidQuery. */
export class KqlError extends Error {
  constructor(
    message: string,
    readonly position: number,
    readonly token?: string,
  ) {
    super(message);
  }
}
