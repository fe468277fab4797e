import { useState } from 'react';
import type { JsonValue } from '../../../shared/device-protocol';
import { useT, type MessageKey } from '../../i18n/i18n';
import type { NetworkEntry } from '../../stores/device-store';
import { JsonTree } from '../panels/JsonTree';

type Tab = 'headers' | 'payload' | 'response';
const TABS: readonly Tab[] = ['headers', 'payload', 'response'];

export function formatSize(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function durationOf(entry: NetworkEntry): number | undefined {
  if (entry.duration !== undefined) return entry.duration;
  return entry.endedAt !== undefined ? Math.round(entry.endedAt - entry.startedAt) : undefined;
}

function Field({ name, value, className }: { name: string; value: string; className?: string }) {
  return (
    <div className="network-field">
      <span className="network-field-name">{name}</span>
      <span className={`mono network-field-value ${className ?? ''}`}>{value}</span>
    </div>
  );
}

function HeaderList({ title, headers, testId }: { title: string; headers?: Readonly<Record<string, string>>; testId: string }) {
  const t = useT();
  const entries = Object.entries(headers ?? {});
  return (
    <section data-testid={testId}>
      <div className="network-section">
        {title} {entries.length > 0 && <span className="muted">({entries.length})</span>}
      </div>
      {entries.length === 0 && <div className="muted network-field">{t('network.noHeaders')}</div>}
      {entries.map(([name, value]) => (
        <Field key={name} name={name} value={value} />
      ))}
    </section>
  );
}

function parseJson(text: string): JsonValue | undefined {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return undefined;
  try {
    return JSON.parse(trimmed) as JsonValue;
  } catch {
    return undefined;
  }
}

function headerValue(headers: Readonly<Record<string, string>> | undefined, name: string): string | undefined {
  return Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];
}

/** `a=1&b=2` as name/value pairs; undefined when the text is not a query string. */
function formFields(text: string): [string, string][] | undefined {
  if (!/^[^=&\s]+=[^&\s]*(&[^=&\s]+=[^&\s]*)*$/.test(text.trim())) return undefined;
  try {
    return [...new URLSearchParams(text.trim()).entries()];
  } catch {
    return undefined;
  }
}

function queryOf(url: string): [string, string][] {
  const query = /\?([^#]*)/.exec(url)?.[1];
  return query ? [...new URLSearchParams(query).entries()] : [];
}

function FieldList({ title, fields, testId }: { title: string; fields: readonly [string, string][]; testId: string }) {
  return (
    <section data-testid={testId}>
      <div className="network-section">
        {title} <span className="muted">({fields.length})</span>
      </div>
      {fields.map(([name, value], i) => (
        <Field key={`${name}-${i}`} name={name} value={value} />
      ))}
    </section>
  );
}

/** A body preview: JSON as a tree (or pretty-printed source), a form as its fields, anything else as text. */
function Body({ text, size, empty, testId, form }: { text: string | undefined; size: number | undefined; empty: string; testId: string; form?: boolean }) {
  const t = useT();
  const [source, setSource] = useState(false);
  if (text === undefined || text === '') return <div className="muted network-empty-body" data-testid={testId}>{empty}</div>;
  const fields = form ? formFields(text) : undefined;
  if (fields && !source) {
    return (
      <div data-testid={testId}>
        <div className="network-body-bar">
          {size !== undefined && <span className="muted">{formatSize(size)}</span>}
          <button className="btn" onClick={() => setSource(true)}>
            {t('network.viewSource')}
          </button>
        </div>
        <FieldList title={t('network.formData')} fields={fields} testId="network-form-data" />
      </div>
    );
  }
  const json = fields ? undefined : parseJson(text);
  return (
    <div data-testid={testId}>
      <div className="network-body-bar">
        {size !== undefined && <span className="muted">{formatSize(size)}</span>}
        {(json !== undefined || fields) && (
          <button className="btn" onClick={() => setSource(!source)}>
            {t(source ? 'network.viewParsed' : 'network.viewSource')}
          </button>
        )}
      </div>
      {json !== undefined && !source ? (
        <div className="network-json">
          <JsonTree value={json} defaultOpen />
        </div>
      ) : (
        <pre className="mono network-body">{json !== undefined ? JSON.stringify(json, null, 2) : text}</pre>
      )}
    </div>
  );
}

/** The selected request, Chrome DevTools style: Headers (general, request, response), Payload, Response. */
export function NetworkDetails({ entry, onClose }: { entry: NetworkEntry; onClose: () => void }) {
  const t = useT();
  const [tab, setTab] = useState<Tab>('headers');
  const duration = durationOf(entry);
  const query = queryOf(entry.url);
  const status = entry.state === 'failed' ? `${t('network.failed')}${entry.status !== undefined ? ` (${entry.status})` : ''}` : entry.status !== undefined ? String(entry.status) : t('network.pending');
  return (
    <div className="network-details" data-testid="network-details">
      <div className="node-details-tabs network-tabs" role="tablist">
        <button className="btn network-close" title={t('network.close')} aria-label={t('network.close')} onClick={onClose}>
          ×
        </button>
        {TABS.map((name) => (
          <button key={name} role="tab" aria-selected={tab === name} className={`panel-tab${tab === name ? ' active' : ''}`} onClick={() => setTab(name)}>
            {t(`network.tab.${name}` as MessageKey)}
          </button>
        ))}
      </div>
      <div className="network-details-body" data-tab={tab}>
        {tab === 'headers' && (
          <>
            <section data-testid="network-general">
              <div className="network-section">{t('network.general')}</div>
              <Field name={t('network.url')} value={entry.url} />
              <Field name={t('network.requestMethod')} value={entry.method ?? ''} />
              <Field name={t('network.statusCode')} value={status} className={entry.state === 'failed' || (entry.status ?? 0) >= 400 ? 'severity-error' : ''} />
              <Field name={t('network.api')} value={`wx.${entry.api}`} />
              {duration !== undefined && <Field name={t('network.duration')} value={`${duration} ms`} />}
              {entry.errorMessage && <Field name={t('network.error')} value={entry.errorMessage} className="severity-error" />}
            </section>
            <HeaderList title={t('network.responseHeaders')} headers={entry.responseHeaders} testId="network-response-headers" />
            <HeaderList title={t('network.requestHeaders')} headers={entry.requestHeaders} testId="network-request-headers" />
          </>
        )}
        {tab === 'payload' && (
          <>
            {query.length > 0 && <FieldList title={t('network.queryString')} fields={query} testId="network-query" />}
            {(query.length === 0 || entry.requestBody) && (
              <Body text={entry.requestBody} size={entry.requestSize} empty={t('network.noPayload')} testId="network-payload" form={/x-www-form-urlencoded/i.test(headerValue(entry.requestHeaders, 'content-type') ?? '')} />
            )}
          </>
        )}
        {tab === 'response' && <Body text={entry.responseBody} size={entry.size} empty={entry.state === 'pending' ? t('network.pending') : t('network.noResponse')} testId="network-response" />}
      </div>
    </div>
  );
}
