/** A rule the workbook refused. `where` points at the field, for inline form errors. */
export class DomainError extends Error {
  constructor(
    readonly code:
      | 'invalid-item'
      | 'not-found'
      | 'duplicate-id'
      | 'out-of-range'
      | 'conflict'
      | 'not-allowed'
      | 'nothing-to-undo'
      | 'nothing-to-redo',
    message: string,
    readonly where: string = '',
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}
