import type { Column } from './field-types';

interface Props<T> {
  item: T & { id: string };
  columns: readonly Column<T>[];
  noun: string;
  name: string;
  isFirst: boolean;
  isLast: boolean;
  disabled: boolean;
  onEdit(): void;
  onDelete(): void;
  onMoveUp(): void;
  onMoveDown(): void;
}

/** One read-only row; every button's accessible name says which item it acts on. */
export function ItemRow<T>(p: Props<T>) {
  const which = `${p.noun} '${p.name}'`;
  return (
    <tr data-testid={`item-${p.item.id}`}>
      {p.columns.map((c) => (
        <td key={c.header} className={c.className}>
          {c.render(p.item)}
        </td>
      ))}
      <td className="row-actions">
        <button
          type="button"
          className="btn small"
          data-testid="edit-item"
          aria-label={`Edit ${which}`}
          disabled={p.disabled}
          onClick={p.onEdit}
        >
          Edit
        </button>
        <button
          type="button"
          className="btn small icon"
          data-testid="move-up"
          aria-label={`Move ${which} up`}
          title="Move up"
          disabled={p.disabled || p.isFirst}
          onClick={p.onMoveUp}
        >
          ↑
        </button>
        <button
          type="button"
          className="btn small icon"
          data-testid="move-down"
          aria-label={`Move ${which} down`}
          title="Move down"
          disabled={p.disabled || p.isLast}
          onClick={p.onMoveDown}
        >
          ↓
        </button>
        <button
          type="button"
          className="btn small danger"
          data-testid="delete-item"
          aria-label={`Delete ${which}`}
          disabled={p.disabled}
          onClick={p.onDelete}
        >
          Delete
        </button>
      </td>
    </tr>
  );
}
