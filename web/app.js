// Verbatim web page: search, filters, statement in context, citations, quote verification.
// Plain JavaScript, no build step, no external resources. Every piece of data from the API is
// put into the page with textContent or text nodes, never as HTML.
'use strict';

(() => {
  const PAGE_SIZE = 10;
  const MAX_OFFSET = 10000;
  const CONTEXT_STATEMENTS = 3;
  const FACETS = ['speaker', 'region', 'country', 'kind', 'year'];
  const FILTER_FIELDS = ['speaker', 'region', 'country', 'kind'];
  const FACET_NAMES = { speaker: 'Speaker', region: 'Region', country: 'Country', kind: 'Kind', year: 'Year' };
  const FACET_SHOWN = 8;
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
    'September', 'October', 'November', 'December'];

  const $ = (id) => document.getElementById(id);
  const el = {
    searchPanel: $('search-panel'), verifyPanel: $('verify-panel'),
    modeSearch: $('mode-search'), modeVerify: $('mode-verify'), home: $('home-link'),
    searchForm: $('search-form'), q: $('q'), suggestions: $('suggestions'),
    sort: $('sort'), from: $('from'), to: $('to'), exact: $('exact'),
    verifyForm: $('verify-form'), verifyText: $('verify-text'),
    activeBox: $('active-filters-box'), active: $('active-filters'),
    error: $('error'), layout: $('layout'),
    facetsBox: $('facets-box'), facetsDetails: $('facets-details'), facets: $('facets'),
    resultsHeading: $('results-heading'), status: $('status'), notices: $('notices'),
    intro: $('intro'), results: $('results'),
    pager: $('pager'), prev: $('prev-page'), next: $('next-page'), pageInfo: $('page-info'),
    dialog: $('context-dialog'), contextTitle: $('context-title'), contextClose: $('context-close'),
    contextMeta: $('context-meta'), contextStatus: $('context-status'), contextList: $('context-list'),
  };

  // ---------------------------------------------------------------- state and URL

  function emptyState() {
    return { mode: 'search', q: '', text: '', speaker: [], region: [], country: [], kind: [],
      from: '', to: '', sort: 'relevance', exact: false, offset: 0 };
  }

  function stateFromURL(search) {
    const p = new URLSearchParams(search);
    const s = emptyState();
    s.mode = p.get('mode') === 'verify' ? 'verify' : 'search';
    s.q = p.get('q') || '';
    s.text = p.get('text') || '';
    for (const f of FILTER_FIELDS) s[f] = unique(p.getAll(f).filter(Boolean));
    s.from = p.get('from') || '';
    s.to = p.get('to') || '';
    const sort = p.get('sort');
    s.sort = sort === 'date' || sort === '-date' ? sort : 'relevance';
    s.exact = ['1', 'true', 'yes', 'on'].includes(p.get('exact') || '');
    const offset = parseInt(p.get('offset') || '0', 10);
    s.offset = Number.isFinite(offset) && offset > 0 ? Math.min(offset, MAX_OFFSET) : 0;
    return s;
  }

  // The page's own URL: only what differs from the defaults, and only what the mode uses.
  function urlOf(s) {
    const p = new URLSearchParams();
    if (s.mode === 'verify') {
      p.set('mode', 'verify');
      if (s.text) p.set('text', s.text);
    } else if (s.q) {
      p.set('q', s.q);
    }
    for (const f of FILTER_FIELDS) for (const v of s[f]) p.append(f, v);
    if (s.from) p.set('from', s.from);
    if (s.to) p.set('to', s.to);
    if (s.mode === 'search') {
      if (s.sort !== 'relevance') p.set('sort', s.sort);
      if (s.exact) p.set('exact', '1');
      if (s.offset > 0) p.set('offset', String(s.offset));
    }
    const query = p.toString();
    return location.pathname + (query ? '?' + query : '');
  }

  // The API's parameters for a state: the filters every search-like endpoint shares.
  function apiParams(s) {
    const p = new URLSearchParams();
    for (const f of FILTER_FIELDS) for (const v of s[f]) p.append(f, v);
    if (s.from) p.set('from', s.from);
    if (s.to) p.set('to', s.to);
    return p;
  }

  function hasFilters(s) {
    return FILTER_FIELDS.some((f) => s[f].length > 0) || Boolean(s.from || s.to);
  }

  function unique(list) { return [...new Set(list)]; }

  let state = stateFromURL(location.search);

  function navigate(next, { push = true, focus = null } = {}) {
    state = next;
    const url = urlOf(state);
    if (push && url !== location.pathname + location.search) history.pushState(null, '', url);
    else if (!push) history.replaceState(null, '', url);
    render(focus);
  }

  window.addEventListener('popstate', () => {
    if (urlOf(stateFromURL(location.search)) === urlOf(state)) return;  // only the #fragment moved
    state = stateFromURL(location.search);
    closeContext();
    render(null);
  });

  // ---------------------------------------------------------------- helpers

  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === 'class') node.className = v;
        else if (k === 'text') node.textContent = v;
        else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
        else node.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  // Only http(s) links are made clickable.
  function safeHref(url) {
    if (!url) return null;
    try {
      const u = new URL(url, location.href);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch {
      return null;
    }
  }

  function formatDate(date) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date || '');
    if (m && +m[2] >= 1 && +m[2] <= 12) return `${+m[3]} ${MONTHS[+m[2] - 1]} ${m[1]}`;
    return date || '';
  }

  function plural(n, one, many) { return `${n} ${n === 1 ? one : many}`; }

  // Appends text with marked ranges. Ranges are [start, end) in code points (the API counts
  // code points; JavaScript strings count UTF-16 units, so the text is split with Array.from).
  // marks: highlights → <mark>, quotes → class "quoted", matched → class "matched-passage".
  function appendMarked(parent, text, { highlights = [], quotes = [], matched = [] } = {}) {
    const cps = Array.from(text || '');
    const n = cps.length;
    const flags = new Uint8Array(n);
    const paint = (spans, bit) => {
      for (const span of spans) {
        if (!Array.isArray(span) || span.length < 2) continue;
        const b = Math.max(0, span[0] | 0), e = Math.min(n, span[1] | 0);
        for (let k = b; k < e; k++) flags[k] |= bit;
      }
    };
    paint(highlights, 1);
    paint(quotes, 2);
    paint(matched, 4);
    for (let i = 0; i < n;) {
      let j = i + 1;
      while (j < n && flags[j] === flags[i]) j++;
      const chunk = cps.slice(i, j).join('');
      const f = flags[i];
      if (f === 0) {
        parent.append(document.createTextNode(chunk));
      } else {
        const classes = [];
        if (f & 2) classes.push('quoted');
        if (f & 4) classes.push('matched-passage');
        parent.append(h(f & 1 ? 'mark' : 'span', { class: classes.join(' ') || null, text: chunk }));
      }
      i = j;
    }
    return parent;
  }

  // The statement's verbatim quotations, as code-point spans into its own text.
  function quotesInText(s) {
    const n = Array.from(s.text || '').length;
    const out = [];
    for (const q of s.quotes || []) {
      if (!Array.isArray(q) || q.length < 2) continue;
      const b = Math.max(0, q[0] - (s.start || 0)), e = Math.min(n, q[1] - (s.start || 0));
      if (b < e) out.push([b, e]);
    }
    return out;
  }

  // Where the snippet sits in the text: the snippet is the text, or a window of it with
  // "… " before and " …" after the cut ends. Returns {prefix, start, length} in code points.
  function snippetWindow(hit) {
    const snippet = hit.snippet || '';
    const text = hit.text || '';
    const cps = Array.from(snippet);
    if (snippet === text) return { prefix: 0, start: 0, length: cps.length };
    const prefix = cps[0] === '…' && cps[1] === ' ' ? 2 : 0;
    const suffix = cps.length >= prefix + 2 && cps[cps.length - 1] === '…' && cps[cps.length - 2] === ' ' ? 2 : 0;
    const core = cps.slice(prefix, cps.length - suffix).join('');
    const at = text.indexOf(core);
    if (at < 0) return null;
    return { prefix, start: Array.from(text.slice(0, at)).length, length: cps.length - prefix - suffix };
  }

  // The hit's snippet with highlighted words and its verbatim quotes.
  function snippetMarks(hit) {
    const w = snippetWindow(hit);
    const quotes = [];
    if (w) {
      for (const [b, e] of quotesInText(hit)) {
        const sb = Math.max(b, w.start), se = Math.min(e, w.start + w.length);
        if (sb < se) quotes.push([sb - w.start + w.prefix, se - w.start + w.prefix]);
      }
    }
    return { highlights: hit.highlights || [], quotes };
  }

  // The hit's highlights moved from the snippet to the full text.
  function highlightsInText(hit) {
    const w = snippetWindow(hit);
    if (!w) return [];
    return (hit.highlights || []).map(([b, e]) => [b - w.prefix + w.start, e - w.prefix + w.start]);
  }

  // ---------------------------------------------------------------- API

  class ApiError extends Error {
    constructor(status, message) { super(message); this.status = status; }
  }

  async function api(path, params, signal) {
    const url = path + (params && params.toString() ? '?' + params.toString() : '');
    let response;
    try {
      response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new ApiError(0, 'The search service cannot be reached. Is verbatim-search --serve running?');
    }
    let body = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    if (!response.ok || !body) {
      const message = body && body.error && body.error.message ? body.error.message : `HTTP ${response.status}`;
      throw new ApiError(response.status, message);
    }
    return body;
  }

  function describeError(e) {
    if (e.status === 400) return `The request was not understood: ${e.message}`;
    if (e.status === 503) return `The index is not available right now: ${e.message}`;
    if (e.status === 404) return `Not found: ${e.message}`;
    return e.message || 'Something went wrong.';
  }

  function showError(message) {
    el.error.hidden = !message;
    el.error.textContent = message || '';
  }

  // ---------------------------------------------------------------- rendering

  let requestSerial = 0;
  let inflight = null;

  function render(focus) {
    const s = state;
    el.searchPanel.hidden = s.mode !== 'search';
    el.verifyPanel.hidden = s.mode !== 'verify';
    el.modeSearch.toggleAttribute('aria-current', false);
    el.modeVerify.toggleAttribute('aria-current', false);
    (s.mode === 'verify' ? el.modeVerify : el.modeSearch).setAttribute('aria-current', 'page');
    el.modeSearch.href = urlOf({ ...s, mode: 'search', offset: 0 });
    el.modeVerify.href = urlOf({ ...s, mode: 'verify', offset: 0 });

    if (document.activeElement !== el.q) el.q.value = s.q;
    el.sort.value = s.sort;
    el.from.value = s.from;
    el.to.value = s.to;
    el.exact.checked = s.exact;
    if (document.activeElement !== el.verifyText) el.verifyText.value = s.text;

    renderActiveFilters();
    showError('');
    if (inflight) inflight.abort();
    inflight = null;

    if (s.mode === 'verify') {
      document.title = s.text ? `Verify “${truncate(s.text, 60)}” — Verbatim` : 'Verify a quote — Verbatim';
      el.facetsBox.hidden = true;
      el.layout.classList.add('no-facets');
      el.pager.hidden = true;
      el.resultsHeading.textContent = 'Closest statements';
      if (s.text) runVerify(focus);
      else clearResults('Paste a quotation and press Verify.');
    } else {
      document.title = s.q ? `${truncate(s.q, 60)} — Verbatim` : 'Verbatim — who said what, where and when';
      el.resultsHeading.textContent = 'Results';
      if (s.q || hasFilters(s)) runSearch(focus);
      else {
        el.facetsBox.hidden = true;
        el.layout.classList.add('no-facets');
        el.pager.hidden = true;
        clearResults('');
      }
    }
  }

  function truncate(text, n) {
    const cps = Array.from(text);
    return cps.length > n ? cps.slice(0, n - 1).join('') + '…' : text;
  }

  function clearResults(message) {
    el.results.replaceChildren();
    el.notices.replaceChildren();
    el.status.textContent = message;
    el.intro.hidden = state.mode !== 'search';
    el.results.removeAttribute('aria-busy');
  }

  function applyFocus(focus) {
    if (!focus) return;
    const target = typeof focus === 'function' ? focus() : focus;
    if (target && typeof target.focus === 'function') target.focus();
  }

  async function runSearch(focus) {
    const s = state;
    const serial = ++requestSerial;
    const controller = new AbortController();
    inflight = controller;
    const params = apiParams(s);
    if (s.q) params.set('q', s.q);
    if (s.sort !== 'relevance') params.set('sort', s.sort);
    if (s.exact) params.set('exact', '1');
    params.set('limit', String(PAGE_SIZE));
    params.set('offset', String(s.offset));
    params.set('facets', FACETS.join(','));
    el.intro.hidden = true;
    el.status.textContent = 'Searching…';
    el.results.setAttribute('aria-busy', 'true');
    let body;
    try {
      body = await api('api/search', params, controller.signal);
    } catch (e) {
      if (e.name === 'AbortError' || serial !== requestSerial) return;
      el.results.replaceChildren();
      el.notices.replaceChildren();
      el.facetsBox.hidden = true;
      el.layout.classList.add('no-facets');
      el.pager.hidden = true;
      el.status.textContent = 'No results.';
      el.results.removeAttribute('aria-busy');
      showError(describeError(e));
      return;
    }
    if (serial !== requestSerial) return;
    inflight = null;
    el.results.removeAttribute('aria-busy');
    renderNotices(body);
    renderSearchStatus(body);
    renderHits(body);
    renderFacets(body.facets || {});
    renderPager(body);
    applyFocus(focus);
  }

  function renderNotices(body) {
    el.notices.replaceChildren();
    if (body.corrected) {
      el.notices.append(h('p', { class: 'notice-corrected' },
        'Some words are not in the index. Searched for: ', h('strong', { text: body.corrected })));
    }
    if (body.relaxed) {
      el.notices.append(h('p', { class: 'notice-relaxed',
        text: 'No statement holds all the words; showing statements that hold most of them.' }));
    }
  }

  function renderSearchStatus(body) {
    const total = body.total || 0;
    const shown = (body.hits || []).length;
    const about = body.exact_total === false ? 'about ' : '';
    let text;
    if (total === 0) {
      text = state.q ? `No statements match ${quoted(state.q)}.` : 'No statements match these filters.';
    } else if (shown === 0) {
      text = `${capitalise(about)}${plural(total, 'statement matches', 'statements match')}; this page is past the last one.`;
    } else {
      const first = body.offset + 1, last = body.offset + shown;
      text = `${capitalise(about)}${plural(total, 'statement matches', 'statements match')}` +
        (state.q ? ` ${quoted(state.q)}` : '') + `. Showing ${first === last ? first : `${first}–${last}`}.`;
    }
    el.status.textContent = text;
  }

  // The query in quotation marks, unless it has its own.
  function quoted(q) { return /["“”«»]/.test(q) ? q : `“${q}”`; }

  function capitalise(s) { return s ? s[0].toUpperCase() + s.slice(1) : s; }

  function renderHits(body) {
    el.results.replaceChildren();
    el.results.start = (body.offset || 0) + 1;
    const hits = body.hits || [];
    hits.forEach((hit) => el.results.append(hitItem(hit)));
  }

  // One statement: text with highlights and quotes, who said it, when, where from, actions.
  function hitItem(hit, verification) {
    const li = h('li', { class: 'hit' + (verification ? ' match' : ''), 'data-id': hit.id });
    const article = h('article', { 'aria-label': `Statement ${hit.rank}${hit.speaker ? ' by ' + hit.speaker : ''}` });
    const head = h('div', { class: 'hit-head' },
      h('span', { class: 'rank', text: `${hit.rank}.` }),
      h('span', { class: `badge kind kind-${hit.kind}`, title: kindDescription(hit.kind), text: hit.kind || 'statement' }));
    if (verification) {
      head.append(
        h('span', { class: `badge verdict verdict-${hit.verdict}`, text: hit.verdict }),
        h('span', { class: 'scores', text:
          `similarity ${percent(hit.similarity)} of the words in order · ${percent(hit.overlap)} of the content words` }));
    }
    article.append(head);

    const text = h('p', { class: 'statement-text' });
    if (verification) {
      appendMarked(text, hit.text, { quotes: quotesInText(hit), highlights: hit.matched ? [hit.matched] : [] });
    } else {
      appendMarked(text, hit.snippet, snippetMarks(hit));
    }
    text.addEventListener('click', () => {
      const selection = window.getSelection();
      if (selection && !selection.isCollapsed) return;  // selecting words, not asking for context
      openContext(hit, li.querySelector('button.context'));
    });
    article.append(text);

    if (verification && hit.verdict !== 'exact') article.append(diffBlock(hit.diff || []));

    article.append(whoLine(hit), metaLine(hit));
    if (Array.isArray(hit.also_in) && hit.also_in.length > 0) article.append(alsoIn(hit.also_in));

    const cite = h('button', { type: 'button', class: 'cite', 'aria-expanded': 'false', text: 'Copy citation' });
    const context = h('button', { type: 'button', class: 'context', 'aria-haspopup': 'dialog', text: 'Show in context' });
    context.addEventListener('click', () => openContext(hit, context));
    cite.addEventListener('click', () => copyCitation(hit, li, cite));
    article.append(h('div', { class: 'actions' }, context, cite));
    li.append(article);
    return li;
  }

  function kindDescription(kind) {
    if (kind === 'quote') return 'holds words quoted verbatim, or a transcript turn';
    if (kind === 'reported') return 'someone’s words retold';
    if (kind === 'narrative') return 'no speaker';
    return '';
  }

  function percent(x) { return `${Math.round((Number(x) || 0) * 100)}%`; }

  function whoLine(s) {
    const p = h('p', { class: 'who' });
    if (s.speaker) p.append(h('span', { class: 'speaker', text: s.speaker }));
    else p.append(h('span', { class: 'speaker none', text: 'No speaker' }));
    if (s.role) p.append(', ', h('span', { class: 'role', text: s.role }));
    if (s.organisation && !(s.role || '').includes(s.organisation)) {
      p.append(', ', h('span', { class: 'organisation', text: s.organisation }));
    }
    const place = [s.region, s.country].filter(Boolean).join(', ');
    if (place) p.append(' · ', h('span', { class: 'place', text: place }));
    return p;
  }

  function metaLine(s) {
    const p = h('p', { class: 'meta' });
    if (s.date) p.append(h('time', { class: 'date', datetime: s.date, text: formatDate(s.date) }));
    const href = safeHref(s.url);
    const label = s.title || s.url || s.source || 'source';
    if (href) {
      p.append(h('span', { class: 'source' }, 'Source: ',
        h('a', { href, class: 'source-link', target: '_blank', rel: 'noopener noreferrer', text: label })));
    } else if (s.title || s.source) {
      p.append(h('span', { class: 'source' }, 'Source: ', h('span', { text: s.title || s.source })));
    }
    return p;
  }

  function alsoIn(list) {
    const details = h('details', { class: 'also-in' });
    details.append(h('summary', { text: `also in ${plural(list.length, 'other release', 'other releases')}` }));
    const ul = h('ul');
    for (const o of list) {
      const href = safeHref(o.url);
      const label = o.title || o.url || o.source;
      ul.append(h('li', null,
        o.date ? h('time', { datetime: o.date, text: formatDate(o.date) }) : null,
        o.date ? ' · ' : null,
        href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer', text: label }) : h('span', { text: label })));
    }
    details.append(ul);
    return details;
  }

  function diffBlock(diff) {
    const wrap = h('div', { class: 'diff-wrap' });
    wrap.append(h('p', { class: 'diff-label', text: 'Your quotation compared with the statement:' }));
    const box = h('p', { class: 'diff' });
    diff.forEach((d, i) => {
      if (i > 0) box.append(' ');
      if (d.op === '-') {
        box.append(h('del', { title: 'only in your quotation' },
          h('span', { class: 'visually-hidden', text: '[only in your quotation: ' }), d.word,
          h('span', { class: 'visually-hidden', text: ']' })));
      } else if (d.op === '+') {
        box.append(h('ins', { title: 'only in the statement' },
          h('span', { class: 'visually-hidden', text: '[only in the statement: ' }), d.word,
          h('span', { class: 'visually-hidden', text: ']' })));
      } else {
        box.append(document.createTextNode(d.word));
      }
    });
    wrap.append(box);
    return wrap;
  }

  // ---------------------------------------------------------------- facets and filters

  function renderFacets(facets) {
    el.facets.replaceChildren();
    let any = false;
    for (const name of FACETS) {
      const values = facets[name] || [];
      if (values.length === 0) continue;
      any = true;
      const section = h('section', { class: 'facet', 'aria-labelledby': `facet-${name}` });
      section.append(h('h3', { id: `facet-${name}`, text: FACET_NAMES[name] }));
      const ul = h('ul');
      values.forEach((v, i) => {
        const active = isActive(name, v.value);
        const button = h('button', {
          type: 'button', class: 'facet-value', 'data-facet': name, 'data-value': v.value,
          'aria-pressed': active ? 'true' : 'false',
          'aria-label': `${FACET_NAMES[name]}: ${v.value}, ${plural(v.count, 'statement', 'statements')}` +
            (active ? ' (active filter; press to remove)' : ''),
        }, h('span', { class: 'label', text: v.value }), h('span', { class: 'count', text: String(v.count) }));
        button.addEventListener('click', () => toggleFacet(name, v.value));
        const li = h('li', null, button);
        if (i >= FACET_SHOWN) li.hidden = true;
        ul.append(li);
      });
      section.append(ul);
      if (values.length > FACET_SHOWN) {
        const more = h('button', { type: 'button', class: 'more', 'aria-expanded': 'false',
          text: `Show all ${values.length}` });
        more.addEventListener('click', () => {
          const open = more.getAttribute('aria-expanded') !== 'true';
          ul.querySelectorAll('li').forEach((li, i) => { if (i >= FACET_SHOWN) li.hidden = !open; });
          more.setAttribute('aria-expanded', String(open));
          more.textContent = open ? 'Show fewer' : `Show all ${values.length}`;
        });
        section.append(more);
      }
      el.facets.append(section);
    }
    el.facetsBox.hidden = !any;
    el.layout.classList.toggle('no-facets', !any);
  }

  function isActive(name, value) {
    if (name === 'year') return state.from === value && state.to === value;
    return (state[name] || []).includes(value);
  }

  function facetButton(name, value) {
    return [...el.facets.querySelectorAll('button.facet-value')]
      .find((b) => b.dataset.facet === name && b.dataset.value === value) || null;
  }

  function toggleFacet(name, value) {
    const next = { ...state, offset: 0 };
    for (const f of FILTER_FIELDS) next[f] = [...state[f]];
    if (name === 'year') {
      if (isActive('year', value)) { next.from = ''; next.to = ''; } else { next.from = value; next.to = value; }
    } else if (next[name].includes(value)) {
      next[name] = next[name].filter((v) => v !== value);
    } else {
      next[name].push(value);
    }
    navigate(next, { focus: () => facetButton(name, value) || el.resultsHeading });
  }

  function renderActiveFilters() {
    const s = state;
    el.active.replaceChildren();
    const chips = [];
    for (const f of FILTER_FIELDS) {
      for (const v of s[f]) {
        chips.push({ label: `${FACET_NAMES[f]}: ${v}`, remove: (n) => { n[f] = n[f].filter((x) => x !== v); } });
      }
    }
    if (s.from && s.from === s.to) {
      chips.push({ label: `${/^\d{4}$/.test(s.from) ? 'Year' : 'Date'}: ${s.from}`, remove: (n) => { n.from = ''; n.to = ''; } });
    } else {
      if (s.from) chips.push({ label: `From: ${s.from}`, remove: (n) => { n.from = ''; } });
      if (s.to) chips.push({ label: `To: ${s.to}`, remove: (n) => { n.to = ''; } });
    }
    chips.forEach((chip, i) => {
      const button = h('button', { type: 'button', class: 'chip', 'data-index': i,
        'aria-label': `Remove filter ${chip.label}` },
        h('span', { text: chip.label }), h('span', { class: 'x', 'aria-hidden': 'true', text: '×' }));
      button.addEventListener('click', () => {
        const next = { ...state, offset: 0 };
        for (const f of FILTER_FIELDS) next[f] = [...state[f]];
        chip.remove(next);
        navigate(next, { focus: () => el.active.querySelector('button.chip') ||
          (state.mode === 'verify' ? el.verifyText : el.q) });
      });
      el.active.append(h('li', null, button));
    });
    if (chips.length > 1) {
      const clear = h('button', { type: 'button', class: 'chip clear', text: 'Clear all filters' });
      clear.addEventListener('click', () => {
        const next = { ...state, offset: 0, from: '', to: '' };
        for (const f of FILTER_FIELDS) next[f] = [];
        navigate(next, { focus: state.mode === 'verify' ? el.verifyText : el.q });
      });
      el.active.append(h('li', null, clear));
    }
    el.activeBox.hidden = chips.length === 0;
  }

  // ---------------------------------------------------------------- paging

  function renderPager(body) {
    const total = body.total || 0;
    const offset = body.offset || 0;
    const shown = (body.hits || []).length;
    if (total <= PAGE_SIZE && offset === 0) {
      el.pager.hidden = true;
      return;
    }
    el.pager.hidden = false;
    el.prev.disabled = offset === 0;
    el.next.disabled = offset + PAGE_SIZE >= total || offset + PAGE_SIZE > MAX_OFFSET || shown < PAGE_SIZE;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const page = Math.floor(offset / PAGE_SIZE) + 1;
    el.pageInfo.textContent = `Page ${page} of ${body.exact_total === false ? 'about ' : ''}${pages}`;
  }

  el.prev.addEventListener('click', () => {
    navigate({ ...state, offset: Math.max(0, state.offset - PAGE_SIZE) }, { focus: el.resultsHeading });
    window.scrollTo({ top: 0 });
  });
  el.next.addEventListener('click', () => {
    navigate({ ...state, offset: state.offset + PAGE_SIZE }, { focus: el.resultsHeading });
    window.scrollTo({ top: 0 });
  });

  // ---------------------------------------------------------------- verify mode

  async function runVerify(focus) {
    const s = state;
    const serial = ++requestSerial;
    const controller = new AbortController();
    inflight = controller;
    const params = apiParams(s);
    params.set('text', s.text);
    params.set('limit', '5');
    el.intro.hidden = true;
    el.results.replaceChildren();
    el.notices.replaceChildren();
    el.status.textContent = 'Checking the quotation…';
    el.results.setAttribute('aria-busy', 'true');
    let body;
    try {
      body = await api('api/verify', params, controller.signal);
    } catch (e) {
      if (e.name === 'AbortError' || serial !== requestSerial) return;
      el.status.textContent = 'No result.';
      el.results.removeAttribute('aria-busy');
      showError(describeError(e));
      return;
    }
    if (serial !== requestSerial) return;
    inflight = null;
    el.results.removeAttribute('aria-busy');
    el.results.start = 1;
    const matches = body.matches || [];
    if (matches.length === 0) {
      el.status.textContent = 'No statement in the index is close to this quotation.';
    } else {
      const best = matches[0];
      el.status.textContent = `${plural(matches.length, 'statement is', 'statements are')} close to this quotation. ` +
        `The closest: ${best.verdict} (${percent(best.similarity)} of the words in order)` +
        (best.speaker ? `, ${best.speaker}` : '') + (best.date ? `, ${formatDate(best.date)}` : '') + '.';
      el.notices.append(h('p', { class: 'legend' },
        'Verdicts: exact — the words appear in this order; near — at least 75% of them in order; partial — a paraphrase or a fragment. In the comparison, ',
        h('del', { text: 'struck-through' }), ' words are only in your quotation, ',
        h('ins', { text: 'underlined' }), ' words only in the statement; the matched passage is highlighted.'));
    }
    matches.forEach((m, i) => el.results.append(hitItem({ ...m, rank: i + 1 }, true)));
    applyFocus(focus);
  }

  // ---------------------------------------------------------------- context dialog

  let contextOpener = null;
  let contextSerial = 0;
  let contextFallback = false;  // no showModal: the dialog is shown with the open attribute

  async function openContext(hit, opener) {
    contextOpener = opener || null;
    const serial = ++contextSerial;
    el.contextTitle.textContent = hit.title || 'In context';
    el.contextMeta.replaceChildren(whoLine(hit), metaLine(hit));
    el.contextList.replaceChildren();
    el.contextStatus.textContent = 'Loading the statements around it…';
    if (!el.dialog.open) {
      if (typeof el.dialog.showModal === 'function') el.dialog.showModal();
      else { el.dialog.setAttribute('open', ''); contextFallback = true; }
    }
    let body;
    try {
      body = await api(`api/statements/${encodeURIComponent(hit.id)}`, new URLSearchParams({ context: String(CONTEXT_STATEMENTS) }));
    } catch (e) {
      if (serial !== contextSerial) return;
      el.contextStatus.textContent = describeError(e);
      return;
    }
    if (serial !== contextSerial || !el.dialog.open) return;
    const before = body.before || [], after = body.after || [];
    el.contextStatus.textContent = `The statement with ${plural(before.length, 'statement', 'statements')} before it and ` +
      `${plural(after.length, 'statement', 'statements')} after it in the same release.`;
    for (const s of before) el.contextList.append(contextItem(s, false));
    const current = contextItem(body.statement || hit, true, highlightsInText(hit));
    el.contextList.append(current);
    for (const s of after) el.contextList.append(contextItem(s, false));
    current.scrollIntoView({ block: 'center' });
  }

  function contextItem(s, isCurrent, highlights) {
    const li = h('li', { class: isCurrent ? 'current' : null, 'aria-current': isCurrent ? 'true' : null, 'data-id': s.id });
    if (isCurrent) li.append(h('span', { class: 'here', text: 'This statement' }));
    li.append(appendMarked(h('p', { class: 'statement-text' }), s.text, { quotes: quotesInText(s), highlights: highlights || [] }));
    const who = s.speaker ? `${s.speaker}${s.role ? ', ' + s.role : ''}` : 'no speaker';
    li.append(h('p', { class: 'ctx-who' }, h('span', { class: `badge kind-${s.kind}`, text: s.kind }), ' ', who));
    return li;
  }

  function closeContext() {
    if (!el.dialog.open) return;
    if (typeof el.dialog.close === 'function') el.dialog.close();
    else { el.dialog.removeAttribute('open'); el.dialog.dispatchEvent(new Event('close')); }
  }

  el.contextClose.addEventListener('click', closeContext);
  el.dialog.addEventListener('click', (e) => { if (e.target === el.dialog) closeContext(); });  // the backdrop
  el.dialog.addEventListener('close', () => {
    contextSerial++;
    const opener = contextOpener;
    contextOpener = null;
    if (opener && opener.isConnected) opener.focus();
  });
  // Escape closes a modal <dialog> natively; this also covers browsers without showModal.
  el.dialog.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && contextFallback) { e.preventDefault(); closeContext(); }
  });

  // ---------------------------------------------------------------- citations

  // What to cite: the statement's verbatim quotations of three words or more, in quotation
  // marks; a quote without marks (a transcript turn) whole; reported speech and narrative as
  // what they are, without quotation marks, so nobody cites a paraphrase as someone's words.
  function citationQuote(s) {
    const cps = Array.from(s.text || '');
    const parts = quotesInText(s)
      .map(([b, e]) => cps.slice(b, e).join('').trim().replace(/[\s,;:]+$/u, ''))
      .filter((q) => q.split(/\s+/).length >= 3);
    if (parts.length) return `“${parts.join(' […] ')}”`;
    const text = (s.text || '').trim();
    if (s.kind === 'quote') return `“${text}”`;
    return `${s.kind === 'reported' ? 'Reported' : 'Narrative'}: ${text}`;
  }

  function citationText(s) {
    const who = [s.speaker || 'Unknown speaker', s.role].filter(Boolean).join(', ');
    let tail = s.date ? formatDate(s.date) : 'undated';
    if (s.title) tail += `, “${s.title}”`;
    tail += '.';
    if (s.url) tail += ` ${s.url}`;
    else if (s.source) tail += ` ${s.source}`;
    return `${citationQuote(s)} — ${who}, ${tail}`;
  }

  let citationCount = 0;

  async function copyCitation(hit, li, button) {
    const text = citationText(hit);
    let box = li.querySelector('.citation');
    if (!box) {
      const id = `citation-${++citationCount}`;
      box = h('div', { class: 'citation' },
        h('label', { for: id, text: 'Citation' }),
        h('textarea', { id, class: 'citation-text', rows: '3', readonly: true }),
        h('p', { class: 'copy-status', role: 'status' }));
      li.querySelector('article').append(box);
      button.setAttribute('aria-controls', id);
    }
    const area = box.querySelector('textarea');
    const status = box.querySelector('.copy-status');
    area.value = text;
    area.style.height = 'auto';
    area.style.height = `${area.scrollHeight + 4}px`;  // the whole citation, no inner scrolling
    button.setAttribute('aria-expanded', 'true');
    let copied = false;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch {
      copied = false;
    }
    if (!copied) {
      // Fallback: the visible text, selected, for Ctrl+C; also try the old copy command.
      area.focus();
      area.select();
      try { copied = document.execCommand('copy'); } catch { copied = false; }
    }
    status.textContent = copied
      ? 'Copied to the clipboard.'
      : 'Copying is not allowed here: the citation is selected above, press Ctrl+C (⌘C) to copy it.';
    box.dataset.copied = copied ? 'yes' : 'no';
  }

  // ---------------------------------------------------------------- forms and suggestions

  el.searchForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = { ...state, mode: 'search', q: el.q.value.trim(), sort: el.sort.value,
      from: el.from.value.trim(), to: el.to.value.trim(), exact: el.exact.checked, offset: 0 };
    navigate(next);
  });
  for (const control of [el.sort, el.exact]) {
    control.addEventListener('change', () => {
      if (!(state.q || hasFilters(state))) return;
      navigate({ ...state, q: el.q.value.trim(), sort: el.sort.value, exact: el.exact.checked, offset: 0 });
    });
  }

  el.verifyForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = el.verifyText.value.trim();
    if (!text) {
      showError('Type or paste the quotation to check.');
      el.verifyText.focus();
      return;
    }
    navigate({ ...state, mode: 'verify', text, offset: 0 });
  });
  // Ctrl+Enter (⌘+Enter) in the quotation box submits; Enter alone makes a new line.
  el.verifyText.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      el.verifyForm.requestSubmit();
    }
  });

  for (const link of [el.modeSearch, el.modeVerify]) {
    link.addEventListener('click', (e) => {
      if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      const mode = link.dataset.mode;
      navigate({ ...state, mode, offset: 0 }, { focus: mode === 'verify' ? el.verifyText : el.q });
    });
  }
  el.home.addEventListener('click', (e) => {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(emptyState(), { focus: el.q });
  });
  for (const link of document.querySelectorAll('a.example')) {
    link.addEventListener('click', (e) => {
      if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      navigate(stateFromURL(new URL(link.href).search));
    });
  }

  // Suggestions for the last word of the query: speakers, places, words (a native datalist).
  let suggestTimer = 0;
  let suggestController = null;
  let suggestedFor = null;
  el.q.addEventListener('input', () => {
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(suggest, 150);
  });

  async function suggest() {
    const value = el.q.value;
    if (value === suggestedFor) return;
    suggestedFor = value;
    const cut = value.lastIndexOf(' ') + 1;
    const head = value.slice(0, cut);
    let last = value.slice(cut);
    let field = '';
    const m = /^([A-Za-z]+:)(.*)$/.exec(last);
    if (m) { field = m[1]; last = m[2]; }
    if (Array.from(last).length < 2 || /["*()]/.test(last)) {
      el.suggestions.replaceChildren();
      return;
    }
    if (suggestController) suggestController.abort();
    suggestController = new AbortController();
    let body;
    try {
      body = await api('api/suggest', new URLSearchParams({ q: last }), suggestController.signal);
    } catch {
      return;
    }
    if (el.q.value !== value) return;
    el.suggestions.replaceChildren();
    for (const s of body.suggestions || []) {
      const option = h('option', { value: head + field + s.text });
      option.label = `${s.text} — ${s.kind}, ${plural(s.count, 'statement', 'statements')}`;
      el.suggestions.append(option);
    }
  }

  // ---------------------------------------------------------------- start

  if (window.matchMedia && window.matchMedia('(max-width: 700px)').matches) el.facetsDetails.open = false;
  history.replaceState(null, '', urlOf(state));
  render(null);
})();
