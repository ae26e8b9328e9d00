// HubSpot's UI components as accessible HTML: what the extension asks for, drawn the host's way.
import { type ReactNode, useEffect, useRef, useState } from 'react';

type Props = Record<string, unknown> & { children?: ReactNode };
type Handler = ((...args: unknown[]) => unknown) | undefined;

const str = (v: unknown): string | undefined =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
const call = (fn: unknown, ...args: unknown[]) => {
  if (typeof fn === 'function') void (fn as (...a: unknown[]) => unknown)(...args);
};

function Button(props: Props & { overlay?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const href = props.href as { url?: string; external?: boolean } | string | undefined;
  const url = typeof href === 'string' ? href : href?.url;
  const className = `hs-button hs-button-${str(props.variant) ?? 'secondary'}`;
  const button = url ? (
    <a className={className} href={url} target="_blank" rel="noreferrer">
      {props.children}
    </a>
  ) : (
    <button
      type="button"
      className={className}
      disabled={props.disabled === true}
      onClick={() => {
        call(props.onClick as Handler);
        if (props.overlay) setOpen(true);
      }}
    >
      {props.children}
    </button>
  );
  return (
    <>
      {button}
      {open && props.overlay ? (
        <div className="hs-overlay-host" data-overlay-open="true">
          <button
            type="button"
            className="hs-overlay-close"
            aria-label="Close"
            onClick={() => setOpen(false)}
          >
            ×
          </button>
          {props.overlay}
        </div>
      ) : null}
    </>
  );
}

function LoadingButton(props: Props) {
  return (
    <button
      type="button"
      className={`hs-button hs-button-${str(props.variant) ?? 'secondary'}`}
      aria-busy={props.loading === true}
      disabled={props.loading === true || props.disabled === true}
      onClick={() => call(props.onClick)}
    >
      {props.loading === true ? 'Working…' : props.children}
    </button>
  );
}

function Toggle(props: Props) {
  const checked = props.checked === true;
  return (
    <label className="hs-toggle">
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        aria-checked={checked}
        disabled={props.readonly === true || props.disabled === true}
        onChange={(e) => call(props.onChange, e.target.checked)}
      />
      <span>{str(props.label) ?? ''}</span>
    </label>
  );
}

function Select(props: Props) {
  const options = (props.options as { label: string; value: string | number }[] | undefined) ?? [];
  const id = `sel-${str(props.name) ?? str(props.label) ?? 'x'}`.replace(/\W+/g, '-');
  return (
    <div className="hs-field">
      {props.label ? <label htmlFor={id}>{str(props.label)}</label> : null}
      <select
        id={id}
        value={str(props.value) ?? ''}
        disabled={props.readOnly === true}
        onChange={(e) => {
          const chosen = options.find((o) => String(o.value) === e.target.value);
          call(props.onChange, chosen?.value ?? e.target.value);
        }}
      >
        {props.placeholder ? <option value="">{str(props.placeholder)}</option> : null}
        {options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
      {props.validationMessage ? <p className="hs-error">{str(props.validationMessage)}</p> : null}
    </div>
  );
}

function Input(props: Props & { type?: string }) {
  const id = `in-${str(props.name) ?? str(props.label) ?? 'x'}`.replace(/\W+/g, '-');
  return (
    <div className="hs-field">
      {props.label ? <label htmlFor={id}>{str(props.label)}</label> : null}
      <input
        id={id}
        type={props.type === 'date' ? 'date' : 'text'}
        value={str(props.value) ?? ''}
        placeholder={str(props.placeholder)}
        onChange={(e) => call(props.onChange ?? props.onInput, e.target.value)}
      />
      {props.validationMessage ? <p className="hs-error">{str(props.validationMessage)}</p> : null}
    </div>
  );
}

function StatusTag(props: Props) {
  return <span className={`hs-status hs-status-${str(props.variant) ?? 'default'}`}>{props.children}</span>;
}

/** A Tag; its `overlay` (a Tooltip) shows on hover and on keyboard focus, as HubSpot's does. */
function Tag(props: Props & { overlay?: ReactNode }) {
  const className = `hs-status hs-status-${str(props.variant) ?? 'default'}`;
  if (!props.overlay) return <span className={className}>{props.children}</span>;
  return (
    <button type="button" className={`${className} hs-has-tooltip`}>
      {props.children}
      <span className="hs-tooltip" role="tooltip">
        {props.overlay}
      </span>
    </button>
  );
}

function Alert(props: Props) {
  const variant = str(props.variant) ?? 'info';
  return (
    <div
      className={`hs-alert hs-alert-${variant}`}
      role={variant === 'danger' || variant === 'error' ? 'alert' : 'status'}
    >
      {props.title ? <strong>{str(props.title)}</strong> : null}
      <div>{props.children}</div>
    </div>
  );
}

/** HubSpot draws the title, the percentage when asked, the bar, then the value's description. */
function ProgressBar(props: Props) {
  const value = Number(props.value ?? 0);
  const max = Number(props.maxValue ?? 100);
  const title = str(props.title);
  const description = str(props.valueDescription);
  return (
    <div className="hs-progress">
      {title ? <span>{title}</span> : null}
      {props.showPercentage === true && max > 0 ? <span>{`${Math.round((value / max) * 100)}%`}</span> : null}
      <progress value={value} max={max} aria-label={title ?? 'Progress'} aria-valuetext={description} />
      {description ? <span className="hs-progress-description">{description}</span> : null}
    </div>
  );
}

function Table(props: Props) {
  const pages = Number(props.pageCount ?? 0);
  const page = Number(props.page ?? 1);
  return (
    <div className="hs-table-wrap">
      <table className="hs-table">{props.children}</table>
      {props.paginated === true && pages > 1 ? (
        <nav className="hs-pagination" aria-label="Pagination">
          <button type="button" disabled={page <= 1} onClick={() => call(props.onPageChange, page - 1)}>
            Previous
          </button>
          <span>
            Page {page} of {pages}
          </span>
          <button type="button" disabled={page >= pages} onClick={() => call(props.onPageChange, page + 1)}>
            Next
          </button>
        </nav>
      ) : null}
    </div>
  );
}

const tag =
  (element: string, className: string) =>
  ({ children }: Props) => {
    const Element = element as 'div';
    return <Element className={className}>{children}</Element>;
  };

function Heading(props: Props) {
  return <h3 className="hs-heading">{props.children}</h3>;
}

function Text(props: Props) {
  const format = props.format as { fontWeight?: string } | undefined;
  const cls = `hs-text${format?.fontWeight === 'bold' ? ' hs-bold' : ''}${props.variant === 'microcopy' ? ' hs-micro' : ''}`;
  return <p className={cls}>{props.children}</p>;
}

function Link(props: Props) {
  const href = props.href as { url?: string } | string | undefined;
  const url = typeof href === 'string' ? href : href?.url;
  return url ? (
    <a href={url} target="_blank" rel="noreferrer">
      {props.children}
    </a>
  ) : (
    <button type="button" className="hs-link" onClick={() => call(props.onClick)}>
      {props.children}
    </button>
  );
}

/** A panel or modal is drawn only while open, so mounting it is HubSpot's `onOpen` (and unmounting `onClose`). */
function Panel(props: Props) {
  // Once per opening, with the latest handlers: their identities change on every remote update.
  const handlers = useRef(props);
  handlers.current = props;
  useEffect(() => {
    call(handlers.current.onOpen);
    return () => call(handlers.current.onClose);
  }, []);
  return (
    <section className="hs-panel" role="dialog" aria-label={str(props.title) ?? 'Panel'}>
      {props.title ? <h2>{str(props.title)}</h2> : null}
      {props.children}
    </section>
  );
}

function DescriptionListItem(props: Props) {
  return (
    <div className="hs-dl-item">
      <dt>{props.label as ReactNode}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

function EmptyState(props: Props) {
  return (
    <div className="hs-empty">
      {props.title ? <strong>{str(props.title)}</strong> : null}
      {props.children}
    </div>
  );
}

function Choice(kind: 'radio' | 'checkbox') {
  return (props: Props) => (
    <label className="hs-choice">
      <input
        type={kind}
        name={str(props.name)}
        checked={props.checked === true}
        onChange={(e) => call(props.onChange, e.target.checked, str(props.value))}
      />
      {props.children}
    </label>
  );
}

function LoadingSpinner(props: Props) {
  return (
    <div className="hs-spinner" role="status">
      {str(props.label) ?? 'Loading…'}
    </div>
  );
}

/** Every component name the extensions use; others fall back to a plain labelled box. */
export const HOST_COMPONENTS = {
  Alert,
  Box: tag('div', 'hs-box'),
  Button,
  ButtonRow: tag('div', 'hs-button-row'),
  DateInput: (p: Props) => <Input {...p} type="date" />,
  DescriptionList: tag('dl', 'hs-dl'),
  DescriptionListItem,
  Divider: () => <hr className="hs-divider" />,
  Dropdown: Select,
  EmptyState,
  ErrorState: EmptyState,
  Flex: tag('div', 'hs-flex'),
  Form: tag('form', 'hs-form'),
  Heading,
  Input,
  Link,
  List: tag('ul', 'hs-list'),
  LoadingButton,
  LoadingSpinner,
  Modal: Panel,
  ModalBody: tag('div', 'hs-panel-body'),
  ModalFooter: tag('div', 'hs-panel-footer'),
  MultiSelect: Select,
  NumberInput: Input,
  Panel,
  PanelBody: tag('div', 'hs-panel-body'),
  PanelFooter: tag('div', 'hs-panel-footer'),
  PanelSection: tag('div', 'hs-panel-section'),
  ProgressBar,
  RadioButton: Choice('radio'),
  Checkbox: Choice('checkbox'),
  Select,
  StatusTag,
  Table,
  TableBody: tag('tbody', ''),
  TableCell: tag('td', ''),
  TableFooter: tag('tfoot', ''),
  TableHead: tag('thead', ''),
  TableHeader: tag('th', ''),
  TableRow: tag('tr', ''),
  Tag,
  Tooltip: tag('span', ''),
  Text,
  TextArea: Input,
  Tile: tag('section', 'hs-tile'),
  Toggle,
  ToggleGroup: tag('div', 'hs-toggle-group'),
};
