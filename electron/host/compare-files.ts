import { comparable, diffWorkbooks } from '../../shared/areas/cab/diff';
import type { WorkbookComparison } from '../../shared/contract';
import { DomainError } from '../../shared/domain/errors';
import type { Workbook } from '../../shared/schema/workbook';
import { decodeWorkbook } from './decode-workbook';

// Another workbook file, picked by the user in a window and sent as text, compared with the one
// open here. It is read through the same checks as any file the app opens (and upgraded from an
// older version in memory), so a damaged or foreign file is named as such, never half-read.

export function compareWith(current: Workbook, fileName: string, text: string): WorkbookComparison {
  const decoded = decodeWorkbook(Buffer.from(text, 'utf8'));
  if (!decoded.ok) {
    throw new DomainError('invalid-item', `${fileName} cannot be compared: ${decoded.detail}`, 'file');
  }
  const other = decoded.file;
  return {
    fileName,
    name: other.name,
    revision: other.revision,
    savedAt: other.updatedAt,
    sameWorkbook: other.id === current.id,
    sections: diffWorkbooks(comparable(other), comparable(current)),
  };
}
