export const id = 591;
export const ids = [591];
export const modules = {

/***/ 43591:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  S9: () => (/* reexport */ barChart),
  Bv: () => (/* reexport */ blocks),
  fF: () => (/* reexport */ bulletList),
  aY: () => (/* reexport */ code),
  zH: () => (/* reexport */ details),
  kq: () => (/* reexport */ escapeCell),
  oC: () => (/* reexport */ findStickyComment),
  QB: () => (/* reexport */ getOctokit),
  R_: () => (/* reexport */ heading),
  Nm: () => (/* reexport */ publishCheckRun),
  X8: () => (/* reexport */ readGitHubTarget),
  Rh: () => (/* reexport */ statusLabel),
  $c: () => (/* reexport */ statusPie),
  tp: () => (/* reexport */ table),
  Fo: () => (/* reexport */ upsertIssue),
  qD: () => (/* reexport */ upsertStickyComment),
  oG: () => (/* reexport */ writeStepSummary)
});

// UNUSED EXPORTS: ANNOTATIONS_PER_REQUEST, ANNOTATION_MESSAGE_MAX_BYTES, ANNOTATION_TITLE_MAX_CHARS, CHECK_RUN_SUMMARY_MAX_BYTES, CHECK_RUN_TEXT_MAX_BYTES, COMMENT_BODY_MAX_CHARS, ISSUE_BODY_MAX_CHARS, LIMITS, STEP_SUMMARY_MAX_BYTES, SUMMARY_SWITCH, codeBlock, escapeHtml, fitMarkdown, hiddenComment, link, measure, normaliseAnnotation, oneLine, pieChart, splitMarkdown, statusIcon, stickyBody, stickyMarker

;// CONCATENATED MODULE: ./packages/report/src/limits.ts
/**
 * GitHub's size limits for what we publish. Comment and issue bodies are counted in characters; check-run
 * output is validated by GitHub in bytes ("summary exceeds a maximum bytesize of 65535") although the docs
 * say characters, so we cut it in bytes, which satisfies both; the step summary is limited per step in bytes.
 */
const COMMENT_BODY_MAX_CHARS = 65_536;
const ISSUE_BODY_MAX_CHARS = 65_536;
const CHECK_RUN_SUMMARY_MAX_BYTES = 65_535;
const CHECK_RUN_TEXT_MAX_BYTES = 65_535;
const ANNOTATIONS_PER_REQUEST = 50;
const STEP_SUMMARY_MAX_BYTES = 1_048_576;
/** Per annotation: `message` and `raw_details` at most 64 KiB, `title` at most 255 characters. */
const ANNOTATION_MESSAGE_MAX_BYTES = 65_535;
const ANNOTATION_TITLE_MAX_CHARS = 255;
const LIMITS = {
    comment: { max: COMMENT_BODY_MAX_CHARS, unit: 'chars', label: 'comment limit of 65,536 characters' },
    issue: { max: ISSUE_BODY_MAX_CHARS, unit: 'chars', label: 'issue limit of 65,536 characters' },
    checkRunSummary: { max: CHECK_RUN_SUMMARY_MAX_BYTES, unit: 'bytes', label: 'check-run summary limit of 65,535 bytes' },
    checkRunText: { max: CHECK_RUN_TEXT_MAX_BYTES, unit: 'bytes', label: 'check-run text limit of 65,535 bytes' },
    stepSummary: { max: STEP_SUMMARY_MAX_BYTES, unit: 'bytes', label: 'step summary limit of 1 MiB' },
};
function measure(text, unit) {
    return unit === 'bytes' ? Buffer.byteLength(text, 'utf8') : text.length;
}

;// CONCATENATED MODULE: ./packages/report/src/markdown.ts
/**
 * Small Markdown builders. Every builder returns a string that ends with a newline where it is a block, so
 * blocks can be joined with `blocks(...)`. Table rows stay on one line, so {@link fitMarkdown} can cut
 * between rows.
 */
/** Joins blocks with one blank line between them, skipping empty ones. */
function blocks(...parts) {
    return parts
        .filter((p) => typeof p === 'string' && p.trim() !== '')
        .map((p) => p.replace(/\n+$/, ''))
        .join('\n\n')
        .concat('\n');
}
function heading(text, level = 2) {
    return `${'#'.repeat(level)} ${oneLine(text)}\n`;
}
/** Text on one line: newlines become spaces. */
function oneLine(text) {
    return text.replace(/\r?\n|\r/g, ' ').trim();
}
/**
 * Escapes a table cell: pipes (also inside code spans, where GitHub honours `\|` too), a backslash right
 * before a pipe, and newlines (as `<br>`). Other Markdown in the cell (links, code, emphasis) is kept.
 */
function escapeCell(value) {
    const text = value === undefined || value === null ? '' : String(value);
    return text
        .replace(/\\(?=\|)/g, '\\\\')
        .replace(/\|/g, '\\|')
        .replace(/\r?\n|\r/g, '<br>')
        .trim();
}
/** A GitHub table; each row is one line and every cell goes through {@link escapeCell}. */
function table(headers, rows, options = {}) {
    const line = (cells) => `| ${headers.map((_, i) => escapeCell(cells[i])).join(' | ')} |`;
    const rule = headers.map((_, i) => ({ left: '---', center: ':---:', right: '---:' })[options.align?.[i] ?? 'left']);
    return [line(headers), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n').concat('\n');
}
/** A collapsible block. The blank lines let GitHub render Markdown (tables, lists) inside. */
function details(summary, body, options = {}) {
    return `<details${options.open ? ' open' : ''}><summary>${escapeHtml(oneLine(summary))}</summary>\n\n${body.replace(/\n+$/, '')}\n\n</details>\n`;
}
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** Inline code that survives backticks inside. */
function code(text) {
    const runs = text.match(/`+/g) ?? [];
    const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${oneLine(text)}${pad}${fence}`;
}
/** A fenced code block whose fence is longer than any backtick run in the content. */
function codeBlock(content, language = '') {
    const runs = content.match(/`{3,}/g) ?? [];
    const fence = '`'.repeat(Math.max(3, ...runs.map((r) => r.length + 1)));
    return `${fence}${language}\n${content.replace(/\n+$/, '')}\n${fence}\n`;
}
/** A link; brackets in the text and parentheses/spaces in the URL are escaped. */
function markdown_link(text, url) {
    const label = oneLine(text).replace(/([[\]\\])/g, '\\$1');
    const target = url.replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29');
    return `[${label}](${target})`;
}
function bulletList(items) {
    return items
        .map((i) => `- ${oneLine(i)}`)
        .join('\n')
        .concat(items.length ? '\n' : '');
}
const ICONS = { ok: '✅', warn: '⚠️', fail: '❌', skipped: '⏭️' };
const WORDS = { ok: 'OK', warn: 'Warning', fail: 'Failed', skipped: 'Skipped' };
function statusIcon(status) {
    return ICONS[status];
}
/** Icon and word, e.g. `❌ Failed`: the word keeps the meaning for screen readers and plain-text views. */
function statusLabel(status) {
    return `${ICONS[status]} ${WORDS[status]}`;
}
/** A hidden HTML comment (`<!-- text -->`); `--` and `>` are removed so it cannot close early. */
function hiddenComment(text) {
    return `<!-- ${oneLine(text).replace(/--+/g, '-').replace(/>/g, '')} -->`;
}

;// CONCATENATED MODULE: ./packages/report/src/mermaid.ts

/** Mermaid charts as fenced `mermaid` blocks, which GitHub renders in comments, issues and summaries. */
/** Mermaid labels live in double quotes; quotes and line breaks inside would end them. */
function label(text) {
    return `"${text.replace(/\r?\n|\r/g, ' ').replace(/"/g, '#quot;')}"`;
}
/** A pie chart; zero slices are left out (Mermaid draws nothing useful for them). Empty when all are zero. */
function pieChart(title, slices) {
    const shown = slices.filter(([, value]) => value > 0);
    if (shown.length === 0)
        return '';
    const lines = [`pie showData title ${title.replace(/\r?\n|\r/g, ' ')}`, ...shown.map(([name, value]) => `    ${label(name)} : ${value}`)];
    return codeBlock(lines.join('\n'), 'mermaid');
}
const ORDER = ['ok', 'warn', 'fail', 'skipped'];
const NAMES = { ok: 'OK', warn: 'Warning', fail: 'Failed', skipped: 'Skipped' };
/** A pie of target statuses, from a list of statuses or from counts. */
function statusPie(statuses, title = 'Targets by status') {
    const counts = Array.isArray(statuses)
        ? statuses.reduce((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {})
        : statuses;
    return pieChart(title, ORDER.map((s) => [NAMES[s], counts[s] ?? 0]));
}
/** A bar chart of counts (`xychart-beta`), e.g. changes by kind or non-compliant resources by policy. */
function barChart(title, bars, options = {}) {
    if (bars.length === 0)
        return '';
    const max = Math.max(1, ...bars.map(([, v]) => v));
    const lines = [
        'xychart-beta',
        `    title ${label(title)}`,
        `    x-axis [${bars.map(([name]) => label(name)).join(', ')}]`,
        `    y-axis ${label(options.yLabel ?? 'Count')} 0 --> ${max}`,
        `    bar [${bars.map(([, v]) => v).join(', ')}]`,
    ];
    return codeBlock(lines.join('\n'), 'mermaid');
}

;// CONCATENATED MODULE: ./packages/report/src/truncate.ts

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const TABLE_RULE = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const isTableLine = (line) => line.trimStart().startsWith('|');
const isOpen = (line) => /^\s*<details[\s>]/i.test(line) && !/<\/details>/i.test(line);
const isClose = (line) => /^\s*<\/details>\s*$/i.test(line);
const isHeading = (line) => /^ {0,3}#{1,6}(\s|$)/.test(line);
/** Splits Markdown into units that can be kept or dropped whole. Each unit keeps its line endings. */
function splitMarkdown(markdown) {
    const lines = markdown.split(/(?<=\n)/);
    const units = [];
    let i = 0;
    const bare = (line) => line.replace(/\r?\n$/, '');
    while (i < lines.length) {
        const line = bare(lines[i]);
        const fence = FENCE.exec(line);
        if (line.trim() === '') {
            units.push({ kind: 'blank', text: lines[i++] });
        }
        else if (fence) {
            const marker = fence[1];
            let end = i + 1;
            const closes = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
            while (end < lines.length && !closes.test(bare(lines[end])))
                end++;
            units.push({ kind: 'block', text: lines.slice(i, end + 1).join('') });
            i = end + 1;
        }
        else if (isTableLine(line) && i + 1 < lines.length && TABLE_RULE.test(bare(lines[i + 1])) && bare(lines[i + 1]).includes('-')) {
            units.push({ kind: 'head', text: lines[i] + lines[i + 1] });
            i += 2;
            while (i < lines.length && isTableLine(bare(lines[i])))
                units.push({ kind: 'row', text: lines[i++] });
        }
        else if (isOpen(line)) {
            units.push({ kind: 'open', text: lines[i++] });
        }
        else if (isClose(line)) {
            units.push({ kind: 'close', text: lines[i++] });
        }
        else if (isHeading(line)) {
            units.push({ kind: 'block', text: lines[i++] });
        }
        else {
            let end = i + 1;
            const stops = (l) => l.trim() === '' || FENCE.test(l) || isOpen(l) || isClose(l) || isHeading(l) || (isTableLine(l) && !isTableLine(line));
            while (end < lines.length && !stops(bare(lines[end])))
                end++;
            units.push({ kind: 'block', text: lines.slice(i, end).join('') });
            i = end;
        }
    }
    return units;
}
const DEFAULT_FULL_REPORT = 'in the `report` output of this step';
const fmt = (n) => n.toLocaleString('en-US');
const plural = (n, word) => `${fmt(n)} more ${word}${n === 1 ? '' : 's'}`;
function note(limit, omittedRows, totalRows, omittedSections, fullReport) {
    const parts = [];
    if (omittedRows > 0)
        parts.push(`${plural(omittedRows, 'row')} omitted (${fmt(totalRows - omittedRows)} of ${fmt(totalRows)} shown)`);
    if (omittedSections > 0)
        parts.push(`${plural(omittedSections, 'section')} omitted`);
    if (parts.length === 0)
        parts.push('some content omitted');
    return `\n> [!NOTE]\n> Cut to fit GitHub's ${limit.label}: ${parts.join('; ')}; see the full JSON report ${fullReport}.\n`;
}
const CLOSE = '\n</details>\n';
/** Returns the document unchanged when it fits, otherwise a prefix of whole units, closed, with a note. */
function fitMarkdown(markdown, limit, options = {}) {
    const units = splitMarkdown(markdown);
    const totalRows = units.filter((u) => u.kind === 'row').length;
    if (measure(markdown, limit.unit) <= limit.max)
        return { text: markdown, truncated: false, totalRows, omittedRows: 0, omittedSections: 0 };
    const fullReport = options.fullReport ?? DEFAULT_FULL_REPORT;
    const sections = units.filter((u) => u.kind === 'block' || u.kind === 'open').length;
    const opens = units.filter((u) => u.kind === 'open').length;
    // Upper bounds: the note with the largest numbers it can show, and a closing tag for every <details>.
    const reserve = measure(note(limit, totalRows, totalRows, sections, fullReport), limit.unit) + opens * measure(CLOSE, limit.unit) + 1;
    const budget = limit.max - reserve;
    const kept = [];
    let used = 0;
    for (const unit of units) {
        const size = measure(unit.text, limit.unit);
        if (used + size > budget)
            break;
        kept.push(unit);
        used += size;
    }
    // Never end on a table header without rows, an empty <details>, or blank lines.
    while (kept.length && ['head', 'open', 'blank'].includes(kept[kept.length - 1].kind))
        kept.pop();
    const keptRows = kept.filter((u) => u.kind === 'row').length;
    const keptSections = kept.filter((u) => u.kind === 'block' || u.kind === 'open').length;
    const depth = kept.reduce((d, u) => (u.kind === 'open' ? d + 1 : u.kind === 'close' ? Math.max(0, d - 1) : d), 0);
    let text = kept.map((u) => u.text).join('');
    if (text && !text.endsWith('\n'))
        text += '\n';
    text += CLOSE.repeat(depth);
    text += note(limit, totalRows - keptRows, totalRows, sections - keptSections, fullReport);
    if (!kept.length)
        text = text.replace(/^\n+/, '');
    return { text, truncated: true, totalRows, omittedRows: totalRows - keptRows, omittedSections: sections - keptSections };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 8 modules
var src = __webpack_require__(19297);
;// CONCATENATED MODULE: ./packages/report/src/summary.ts




/** Set to `false` to skip the step summary (the actions still write their outputs). */
const SUMMARY_SWITCH = 'ARC_ACTIONS_STEP_SUMMARY';
/** Bytes already in this step's summary file, which count towards the same 1 MiB. */
function bytesAlreadyWritten() {
    const path = process.env.GITHUB_STEP_SUMMARY;
    let size = 0;
    try {
        if (path)
            size = (0,external_node_fs_.statSync)(path).size;
    }
    catch {
        size = 0;
    }
    return size;
}
/**
 * Appends Markdown to the step summary: redacted, then cut to what is left of the 1 MiB a step may write.
 * Returns undefined when the summary is switched off or GITHUB_STEP_SUMMARY is not set (local runs).
 */
async function writeStepSummary(markdown, options = {}) {
    if (process.env[SUMMARY_SWITCH]?.toLowerCase() === 'false' || !process.env.GITHUB_STEP_SUMMARY)
        return undefined;
    const limit = { ...LIMITS.stepSummary, max: Math.max(0, LIMITS.stepSummary.max - bytesAlreadyWritten()) };
    const fitted = fitMarkdown((0,src/* redact */.E$)(markdown), limit, options);
    // Appended directly rather than through core.summary, which caches the file path of the first step it saw.
    (0,external_node_fs_.appendFileSync)(process.env.GITHUB_STEP_SUMMARY, `${fitted.text}\n`);
    return fitted;
}

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(92413);
;// CONCATENATED MODULE: ./packages/report/src/octokit.ts


/**
 * An authenticated Octokit for the GitHub API of this run. `@actions/github` reads GITHUB_API_URL once, when
 * it is first imported; we read it again here, so a stand-in configured later (tests, the sandbox) and GHES
 * are both honoured. `baseUrl` overrides the environment.
 */
function getOctokit(token, baseUrl) {
    (0,src/* maskSecret */.$l)(token);
    return github/* getOctokit */.Q(token, { baseUrl: baseUrl ?? (process.env.GITHUB_API_URL || 'https://api.github.com') });
}

;// CONCATENATED MODULE: ./packages/report/src/check-runs.ts



function cutBytes(text, max) {
    if (Buffer.byteLength(text) <= max)
        return text;
    let out = Buffer.from(text)
        .subarray(0, max - 3)
        .toString('utf8');
    if (out.endsWith('\uFFFD'))
        out = out.slice(0, -1);
    return `${out}…`;
}
/** Paths as GitHub matches them: forward slashes, relative to the repository root. */
function normaliseAnnotation(a) {
    const start = Math.max(1, Math.floor(a.start_line));
    const end = Math.max(start, Math.floor(a.end_line ?? start));
    const out = {
        path: a.path.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, ''),
        start_line: start,
        end_line: end,
        annotation_level: a.annotation_level,
        message: cutBytes((0,src/* redact */.E$)(a.message), ANNOTATION_MESSAGE_MAX_BYTES) || '(no message)',
    };
    // Columns are only allowed when the annotation is on one line.
    if (start === end && a.start_column !== undefined) {
        out.start_column = a.start_column;
        out.end_column = a.end_column ?? a.start_column;
    }
    if (a.title)
        out.title = [...(0,src/* redact */.E$)(a.title)].slice(0, ANNOTATION_TITLE_MAX_CHARS).join('');
    if (a.raw_details)
        out.raw_details = cutBytes((0,src/* redact */.E$)(a.raw_details), ANNOTATION_MESSAGE_MAX_BYTES);
    return out;
}
const annotationKey = (a) => JSON.stringify([a.path, a.start_line, a.end_line ?? a.start_line, a.annotation_level, a.message, a.title ?? '']);
/**
 * Creates the check run, or updates the latest one with the same name on the same SHA so that a rerun does not
 * add a second one. Annotations go out 50 per request: the first batch with the create/update call, the rest
 * with further updates. GitHub appends annotations on every update, so on a rerun the ones already present
 * are not sent again.
 */
async function publishCheckRun(octokit, options) {
    const { owner, repo, name, headSha } = options;
    const summary = fitMarkdown((0,src/* redact */.E$)(options.summary), LIMITS.checkRunSummary, { fullReport: options.fullReport });
    const text = options.text === undefined ? undefined : fitMarkdown((0,src/* redact */.E$)(options.text), LIMITS.checkRunText, { fullReport: options.fullReport });
    const title = (0,src/* redact */.E$)(options.title);
    const existing = (await octokit.paginate(octokit.rest.checks.listForRef, { owner, repo, ref: headSha, check_name: name, filter: 'latest', per_page: 100 }))
        .filter((run) => run.name === name)
        .sort((a, b) => b.id - a.id)[0];
    const seen = new Set();
    if (existing && existing.output.annotations_count > 0) {
        const present = await octokit.paginate(octokit.rest.checks.listAnnotations, { owner, repo, check_run_id: existing.id, per_page: 100 });
        for (const a of present) {
            seen.add(annotationKey({
                path: a.path,
                start_line: a.start_line,
                end_line: a.end_line,
                annotation_level: a.annotation_level,
                message: a.message ?? '',
                title: a.title || undefined,
            }));
        }
    }
    const annotations = (options.annotations ?? []).map(normaliseAnnotation).filter((a) => {
        const key = annotationKey(a);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
    const batches = [];
    for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST)
        batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
    const output = (batch) => ({
        title,
        summary: summary.text,
        ...(text ? { text: text.text } : {}),
        ...(batch?.length ? { annotations: batch } : {}),
    });
    const common = {
        owner,
        repo,
        name,
        status: 'completed',
        conclusion: options.conclusion,
        ...(options.detailsUrl ? { details_url: options.detailsUrl } : {}),
    };
    const first = existing
        ? await octokit.rest.checks.update({ ...common, check_run_id: existing.id, output: output(batches[0]) })
        : await octokit.rest.checks.create({ ...common, head_sha: headSha, output: output(batches[0]) });
    const id = first.data.id;
    for (const batch of batches.slice(1)) {
        await octokit.rest.checks.update({ owner, repo, check_run_id: id, output: { title, summary: summary.text, annotations: batch } });
    }
    return {
        id,
        htmlUrl: first.data.html_url ?? '',
        created: !existing,
        annotationsSent: annotations.length,
        writes: Math.max(1, batches.length),
        truncated: summary.truncated || Boolean(text?.truncated),
    };
}

;// CONCATENATED MODULE: ./packages/report/src/comments.ts



const safe = (part) => part.replace(/[^A-Za-z0-9._/@-]+/g, '-').replace(/-{2,}/g, '-');
/** The hidden marker that identifies our comment: `<!-- arc-actions:<action>:<group> -->`. */
function stickyMarker(action, group) {
    return `<!-- arc-actions:${safe(action)}:${safe(group)} -->`;
}
/** The comment body: the marker on the first line, then the redacted body cut below GitHub's limit. */
function stickyBody(marker, body, fullReport) {
    const prefix = `${marker}\n`;
    const limit = { ...LIMITS.comment, max: LIMITS.comment.max - measure(prefix, LIMITS.comment.unit) };
    const fitted = fitMarkdown((0,src/* redact */.E$)(body), limit, { fullReport });
    return { text: prefix + fitted.text, truncated: fitted.truncated };
}
/**
 * Keeps exactly one comment per action and target group on a pull request or issue: updates ours in place,
 * creates it when missing and deletes extra copies (left by concurrent jobs). An identical body is not rewritten.
 */
async function upsertStickyComment(octokit, options) {
    const { owner, repo, issueNumber } = options;
    const marker = stickyMarker(options.action, options.group);
    const { text, truncated } = stickyBody(marker, options.body, options.fullReport);
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 });
    const ours = comments.filter((c) => (c.body ?? '').trimStart().startsWith(marker)).sort((a, b) => a.id - b.id);
    if (ours.length === 0) {
        const created = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body: text });
        return { id: created.data.id, htmlUrl: created.data.html_url, outcome: 'created', deleted: 0, truncated };
    }
    const [keep, ...extra] = ours;
    for (const copy of extra)
        await octokit.rest.issues.deleteComment({ owner, repo, comment_id: copy.id });
    if (keep.body === text)
        return { id: keep.id, htmlUrl: keep.html_url, outcome: 'unchanged', deleted: extra.length, truncated };
    const updated = await octokit.rest.issues.updateComment({ owner, repo, comment_id: keep.id, body: text });
    return { id: updated.data.id, htmlUrl: updated.data.html_url, outcome: 'updated', deleted: extra.length, truncated };
}
/** The body of our sticky comment on a pull request, if there is one (to read state a previous run left in it). */
async function findStickyComment(octokit, options) {
    const marker = stickyMarker(options.action, options.group);
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        owner: options.owner,
        repo: options.repo,
        issue_number: options.issueNumber,
        per_page: 100,
    });
    return comments.filter((c) => (c.body ?? '').trimStart().startsWith(marker)).sort((a, b) => a.id - b.id)[0]?.body ?? undefined;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./packages/report/src/issues.ts




const DIGEST = /<!-- arc-actions:digest:([0-9a-f]{64}) -->/;
/** A body stamped with a digest of its full text, so that a later run can tell whether anything changed. */
function stamped(body, fullReport) {
    const redacted = (0,src/* redact */.E$)(body);
    const digest = (0,external_node_crypto_.createHash)('sha256').update(redacted).digest('hex');
    const stamp = `\n<!-- arc-actions:digest:${digest} -->\n`;
    const limit = { ...LIMITS.issue, max: LIMITS.issue.max - measure(stamp, LIMITS.issue.unit) };
    return { text: fitMarkdown(redacted, limit, { fullReport }).text.replace(/\n*$/, '') + stamp, digest };
}
/**
 * A regression issue that follows a recurring check (arc-verify): opened when the problem appears, a comment
 * when the report changes, closed when the problem is gone. The issue is found by its label, among open
 * issues (pull requests are skipped).
 */
async function upsertIssue(octokit, options) {
    const { owner, repo, label } = options;
    const open = (await octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, labels: label, state: 'open', per_page: 100 }))
        .filter((i) => !i.pull_request)
        .sort((a, b) => a.number - b.number);
    const issue = open[0];
    const { text, digest } = stamped(options.body, options.fullReport);
    if (!options.open) {
        if (!issue)
            return { outcome: 'none' };
        if (options.body.trim())
            await octokit.rest.issues.createComment({ owner, repo, issue_number: issue.number, body: text });
        await octokit.rest.issues.update({ owner, repo, issue_number: issue.number, state: 'closed', state_reason: 'completed' });
        return { outcome: 'closed', number: issue.number, htmlUrl: issue.html_url };
    }
    if (!issue) {
        const created = await octokit.rest.issues.create({ owner, repo, title: (0,src/* redact */.E$)(options.title), body: text, labels: [label] });
        return { outcome: 'opened', number: created.data.number, htmlUrl: created.data.html_url };
    }
    // The latest report is in the newest comment that carries a digest, or else in the issue body.
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: issue.number, per_page: 100 });
    const latest = [...comments].reverse().find((c) => DIGEST.test(c.body ?? ''))?.body ?? issue.body ?? '';
    if (DIGEST.exec(latest)?.[1] === digest)
        return { outcome: 'unchanged', number: issue.number, htmlUrl: issue.html_url };
    await octokit.rest.issues.createComment({ owner, repo, issue_number: issue.number, body: text });
    return { outcome: 'commented', number: issue.number, htmlUrl: issue.html_url };
}

;// CONCATENATED MODULE: ./packages/report/src/github-context.ts

/** Reads the run's context from the runner's environment and event file (at call time, not import time). */
function readGitHubTarget(env = process.env) {
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!owner || !repo)
        return undefined;
    let event = {};
    try {
        if (env.GITHUB_EVENT_PATH)
            event = JSON.parse((0,external_node_fs_.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
    }
    catch {
        /* no event file: not a pull request */
    }
    const pr = event.pull_request;
    return { owner, repo, sha: pr?.head?.sha ?? env.GITHUB_SHA ?? '', pullRequest: pr?.number };
}

;// CONCATENATED MODULE: ./packages/report/src/index.ts












/***/ })

};
