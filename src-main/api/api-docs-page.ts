// A human-readable page for the API, rendered on the server from the same OpenAPI document the API serves:
// self-contained HTML (no scripts, no CDN, inline styles only), light and dark.
type JsonObject = Record<string, unknown>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** `code` spans for backticks; everything escaped first. */
function prose(value: unknown): string {
  return typeof value === 'string' ? escapeHtml(value).replace(/`([^`]+)`/g, '<code>$1</code>') : '';
}

function asObject(value: unknown): JsonObject {
  return typeof value === 'object' && value !== null ? (value as JsonObject) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function schemaName(schema: unknown): string {
  const ref = asObject(schema).$ref;
  return typeof ref === 'string' ? ref.replace('#/components/schemas/', '') : '';
}

function parameterRows(parameters: unknown[]): string {
  if (parameters.length === 0) return '';
  const rows = parameters.map((raw) => {
    const p = asObject(raw);
    const schema = asObject(p.schema);
    const type = Array.isArray(schema.enum) ? schema.enum.map(String).join(' | ') : text(schema.type);
    return `<tr><td><code>${escapeHtml(String(p.name))}</code></td><td>${escapeHtml(String(p.in))}</td><td>${escapeHtml(type)}</td><td>${p.required ? 'required' : ''}</td></tr>`;
  });
  return `<table><thead><tr><th>Parameter</th><th>In</th><th>Type</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function responses(value: unknown): string {
  const items = Object.entries(asObject(value)).map(([status, raw]) => {
    const response = asObject(raw);
    const content = asObject(response.content);
    const json = schemaName(asObject(content['application/json']).schema);
    const link = json ? ` — <a href="#schema-${escapeHtml(json)}">${escapeHtml(json)}</a>` : '';
    return `<li><code>${escapeHtml(status)}</code> ${prose(response.description)}${link}</li>`;
  });
  return `<ul class="responses">${items.join('')}</ul>`;
}

function operation(path: string, method: string, raw: unknown, shared: unknown[]): string {
  const op = asObject(raw);
  const body = asObject(asObject(asObject(op.requestBody).content)['application/json']);
  const bodySchema = schemaName(body.schema);
  const params: unknown[] = [...shared, ...(Array.isArray(op.parameters) ? (op.parameters as unknown[]) : [])];
  const open = Array.isArray(op.security) && op.security.length === 0 ? '<span class="tag">no auth</span>' : '';
  return `<section class="op" id="${escapeHtml(`${method}-${path}`)}">
<h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code> ${open}</h3>
<p>${prose(op.summary)}</p>${op.description ? `<p>${prose(op.description)}</p>` : ''}
${parameterRows(params)}
${bodySchema ? `<p>Body: <a href="#schema-${escapeHtml(bodySchema)}">${escapeHtml(bodySchema)}</a></p>` : ''}
${responses(op.responses)}
</section>`;
}

export function renderApiDocs(document: JsonObject): string {
  const info = asObject(document.info);
  const paths = Object.entries(asObject(document.paths));
  const ops: string[] = [];
  const toc: string[] = [];
  for (const [path, raw] of paths) {
    const item = asObject(raw);
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      if (!item[method]) continue;
      ops.push(operation(path, method, item[method], shared));
      toc.push(`<li><a href="#${escapeHtml(`${method}-${path}`)}"><span class="method ${method}">${method.toUpperCase()}</span> ${escapeHtml(path)}</a></li>`);
    }
  }
  const schemas = Object.entries(asObject(asObject(document.components).schemas)).map(
    ([name, schema]) =>
      `<section id="schema-${escapeHtml(name)}"><h3>${escapeHtml(name)}</h3><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></section>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(text(info.title) || 'API')} ${escapeHtml(text(info.version))}</title>
<style>
:root{color-scheme:light dark;--fg:#1c1d21;--muted:#5d6270;--bg:#fff;--panel:#f4f5f7;--line:#dfe1e6;--link:#2f5fd0}
@media (prefers-color-scheme:dark){:root{--fg:#e6e7ea;--muted:#a2a6b2;--bg:#17181c;--panel:#202227;--line:#33363d;--link:#8fb0ff}}
body{margin:0;font:15px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:980px;margin:0 auto;padding:24px}
a{color:var(--link)}code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
pre{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:12px;overflow:auto}
.op{border-top:1px solid var(--line);padding:8px 0}.op h3{font-size:16px;margin:12px 0 4px}
.method{display:inline-block;min-width:58px;text-align:center;border-radius:4px;font-size:12px;font-weight:700;padding:1px 6px;color:#fff;background:#6b7280}
.get{background:#2563eb}.post{background:#15803d}.put{background:#b45309}.patch{background:#7c3aed}.delete{background:#b91c1c}
.tag{font-size:12px;color:var(--muted);border:1px solid var(--line);border-radius:4px;padding:0 6px}
table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid var(--line);padding:3px 8px;text-align:left;font-size:13px}
.toc{columns:2;padding-left:18px}.toc li{break-inside:avoid;list-style:none;margin:2px 0}.toc a{text-decoration:none}
.muted{color:var(--muted)}
</style></head>
<body><main>
<h1>${escapeHtml(text(info.title) || 'API')} <span class="muted">${escapeHtml(text(info.version))}</span></h1>
<p>${prose(info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${escapeHtml(text(document.openapi))}).</p>
<h2>Routes</h2><ul class="toc">${toc.join('')}</ul>
${ops.join('\n')}
<h2>Schemas</h2>
${schemas.join('\n')}
</main></body></html>
`;
}
