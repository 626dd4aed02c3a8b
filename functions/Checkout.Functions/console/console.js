// The operations console: plain JavaScript against /api/console (no build step). The operator key and name live in
// sessionStorage for this tab only; every call sends them, and the API records each action under the name.
'use strict';

const state = { operator: null, key: null, minorUnits: {}, cursor: null, filters: null, checkout: null };
const $ = (id) => document.getElementById(id);

function headers(extra) {
  return Object.assign({ Authorization: `Bearer ${state.key}`, 'X-Operator': state.operator }, extra || {});
}

async function api(path, options) {
  const response = await fetch(`/api/console${path}`, Object.assign({}, options, { headers: headers(options && options.headers) }));
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = { detail: text }; }
  if (response.status === 401 && path !== '/session') { signOut('Your session was refused: sign in again.'); }
  return { status: response.status, ok: response.ok, body };
}

function problemText(result) {
  const body = result.body || {};
  const fields = (body.errors || []).map((e) => `${e.pointer || e.parameter || ''}: ${e.detail}`).join('; ');
  return [body.title, body.detail, fields].filter(Boolean).join(' ') || `HTTP ${result.status}`;
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null) continue;
    if (name === 'class') node.className = value; else node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Amounts are integers in ISO 4217 minor units; the session gives each currency's exponent (a browser's Intl data
// differs for some, PKR among them).
function digitsOf(currency) { return state.minorUnits[currency] ?? 2; }

function money(amount) {
  if (!amount) return '';
  const digits = digitsOf(amount.currency);
  const sign = amount.value < 0 ? '-' : '';
  const text = String(Math.abs(amount.value)).padStart(digits + 1, '0');
  return `${sign}${digits ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text} ${amount.currency}`;
}

// "12.5" in a 2-digit currency is 1250 minor units; null when it is not such a number (no float arithmetic).
function toMinorUnits(text, currency) {
  const digits = digitsOf(currency);
  const match = text.match(/^(\d+)(?:\.(\d*))?$/);
  if (!match || (match[2] || '').length > digits) return null;
  return Number(match[1] + (match[2] || '').padEnd(digits, '0'));
}

function time(iso) { return iso ? new Date(iso).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z') : ''; }

function status(text) { return el('span', { class: `status ${text}` }, text); }

const sections = ['sign-in', 'checkouts', 'checkout', 'attention', 'payouts', 'fx', 'activity'];

function show(section) {
  for (const id of sections) $(id).hidden = id !== section;
  $('who').hidden = $('sign-out').hidden = $('nav').hidden = section === 'sign-in';
  for (const link of $('nav').querySelectorAll('a')) {
    link.classList.toggle('current', link.getAttribute('href') === `#${section === 'checkout' ? 'checkouts' : section}`);
  }
}

function post(path, key, body) {
  return api(path, { method: 'POST', body: JSON.stringify(body || {}), headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key } });
}

// ---- Sign in ----

async function signIn(name, key) {
  state.operator = name; state.key = key;
  const result = await api('/session');
  if (!result.ok) { state.operator = state.key = null; return problemText(result); }
  state.minorUnits = result.body.minorUnits || {};
  sessionStorage.setItem('console.operator', name);
  sessionStorage.setItem('console.key', key);
  $('who').textContent = `Signed in as ${result.body.operator}`;
  return null;
}

function signOut(message) {
  sessionStorage.removeItem('console.operator');
  sessionStorage.removeItem('console.key');
  state.operator = state.key = null;
  $('sign-in-error').textContent = message || '';
  show('sign-in');
}

// ---- Checkouts list ----

function filtersFromForm() {
  const query = new URLSearchParams();
  const add = (name, value) => { if (value) query.set(name, value); };
  add('status', $('filter-status').value);
  add('merchantId', $('filter-merchant').value.trim());
  add('merchantReference', $('filter-reference').value.trim());
  add('createdFrom', $('filter-from').value && new Date($('filter-from').value).toISOString());
  add('createdTo', $('filter-to').value && new Date($('filter-to').value).toISOString());
  return query;
}

async function loadCheckouts(append) {
  const query = new URLSearchParams(state.filters);
  if (append && state.cursor) query.set('cursor', state.cursor);
  $('list-error').textContent = '';
  const result = await api(`/checkouts?${query}`);
  const body = $('checkout-table').tBodies[0];
  if (!append) body.replaceChildren();
  if (!result.ok) { $('list-error').textContent = problemText(result); return; }
  for (const c of result.body.data) {
    const row = el('tr', { class: 'link', 'data-id': c.id },
      el('td', {}, el('a', { href: `#checkout/${encodeURIComponent(c.id)}`, class: 'mono' }, c.id)),
      el('td', { class: 'mono' }, c.merchantId), el('td', {}, c.merchantReference || ''), el('td', {}, status(c.status)),
      el('td', {}, time(c.createdAt)), el('td', {}, time(c.updatedAt)));
    row.addEventListener('click', () => { location.hash = `checkout/${encodeURIComponent(c.id)}`; });
    body.append(row);
  }
  state.cursor = result.body.nextCursor || null;
  $('next-page').hidden = !state.cursor;
  $('list-empty').hidden = body.rows.length > 0;
}

// ---- One checkout ----

function definitions(pairs) {
  return el('dl', {}, pairs.filter(([, v]) => v !== undefined && v !== null && v !== '').flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

function table(headings, rows) {
  return el('table', {}, el('thead', {}, el('tr', {}, headings.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c))))));
}

function renderCheckout(view) {
  const c = view.checkout;
  state.checkout = view;
  $('checkout-title').replaceChildren(`Checkout `, el('span', { class: 'mono' }, c.id), ' ', status(c.status));
  const parts = [];
  parts.push(definitions([
    ['Merchant', view.merchantId], ['Reference', c.merchantReference], ['Created', time(c.createdTime)], ['Updated', time(c.lastUpdatedTime)],
    ['Payment method', c.paymentMethod], ['Capture', c.captureId], ['Payout', c.payoutId], ['Cancel reason', c.cancelReason],
    ['Rejection', c.rejection && `${c.rejection.code}: ${c.rejection.detail}`], ['Buyer identity', c.buyerIdentity && `${c.buyerIdentity.name} ${c.buyerIdentity.idNumber}`],
    ['Amount refunded', money(c.amountRefunded)], ['Livemode', String(c.livemode)],
  ]));

  const o = view.orchestration;
  parts.push(el('h3', {}, 'Orchestration'));
  parts.push(o ? definitions([['Instance', o.instanceId], ['Runtime status', o.runtimeStatus], ['Created', time(o.createdAt)],
    ['Last updated', time(o.lastUpdatedAt)], ['Custom status', o.customStatus], ['Failure', o.failure]])
    : el('p', {}, 'The engine no longer holds this orchestration (purged).'));
  if (o && o.history) {
    parts.push(el('h4', {}, `Engine history (${o.history.events.length} events in ${o.history.episodes} replay episodes)`));
    parts.push(el('div', { id: 'engine-history' }, table(['#', 'Event', 'Name', 'At', 'Detail'],
      o.history.events.map((e) => [e.sequence, e.eventType, e.name || '', time(e.at), e.detail || '']))));
  }

  if (c.quote) {
    parts.push(el('h3', {}, 'FX quote'));
    parts.push(definitions([['Quote', c.quote.id], ['Rate', `${c.quote.from} → ${c.quote.to} ${c.quote.rate}`], ['Rates as of', c.quote.ratesAsOf],
      ['Source', c.quote.rateSource], ['Expires', time(c.quote.expiresAt)], ['Sample rates', String(Boolean(c.quote.sample))]]));
  }

  if (c.landedCost) {
    const lc = c.landedCost;
    parts.push(el('h3', {}, `Landed cost (${lc.incoterm}${lc.isEstimate ? ', estimate' : ''})`));
    parts.push(table(['Kind', 'Line', 'Amount', 'Collected', 'Rule'], lc.lines.map((l) => [l.kind, l.description, money(l.amount), l.collectedAt,
      el('a', { href: l.rule.source, target: '_blank', rel: 'noopener', class: 'mono' }, `${l.rule.id}${l.rule.illustrative ? ' (illustrative)' : ''}`)])));
    parts.push(definitions([['Total', money(lc.total)], ['Due at checkout', money(lc.amountDueAtCheckout)], ['Due elsewhere', money(lc.amountDueElsewhere)],
      ['Notes', (lc.notes || []).join(' · ')]]));
  }

  parts.push(el('h3', {}, 'Payment attempts'));
  parts.push((c.paymentAttempts || []).length
    ? table(['#', 'Method', 'Status', 'At', 'Decline'], c.paymentAttempts.map((a) => [a.number, a.method, a.status, time(a.at), a.declineCode || '']))
    : el('p', {}, 'None yet.'));

  parts.push(el('h3', {}, 'Refunds'));
  const refunds = c.refunds || [];
  parts.push(el('div', { id: 'refunds' }, refunds.length
    ? table(['Refund', 'Amount', 'Status', 'Reason', 'Balance effect', 'Created'], refunds.map((r) => [el('span', { class: 'mono' }, r.id), money(r.amount),
      status(r.status), r.reason || '', r.balanceEffect || r.failureMessage || '', time(r.createdAt)]))
    : el('p', {}, 'No refunds.')));

  parts.push(el('h3', {}, 'Timeline'));
  parts.push(table(['#', 'Event', 'Status', 'At'], (c.historyEvents || []).map((h) => [h.sequence, h.eventType, h.status, time(h.timestamp)])));

  parts.push(el('h3', {}, 'Webhook deliveries'));
  parts.push(view.webhookDeliveries.length
    ? table(['Event', 'Endpoint', 'Status', 'Attempts', ''], view.webhookDeliveries.map((d) => [d.eventType, el('span', { class: 'mono' }, d.endpointId), d.status,
      el('ul', {}, (d.attempts || []).map((a) => el('li', {}, `#${a.attempt} ${time(a.timestamp)} ${a.statusCode ? `HTTP ${a.statusCode}` : ''} ${a.error || ''} ${a.durationMs} ms${a.manual ? ' (redelivered)' : ''}`))),
      actionButton('Redeliver…', () => confirmAction({
        title: 'Redeliver this webhook?',
        text: `One more signed attempt of ${d.eventType} to endpoint ${d.endpointId}.`,
        fields: [],
        submit: (key) => post(`/merchants/${encodeURIComponent(view.merchantId)}/webhook-deliveries/${encodeURIComponent(d.id)}/redeliver`, key),
      }))]))
    : el('p', {}, 'No webhook deliveries (the merchant has no endpoint for these events).'));

  parts.push(el('h3', {}, 'Operator actions'));
  parts.push(el('div', { id: 'actions' }, view.actions.length
    ? table(['At', 'Operator', 'Action', 'Answer'], view.actions.map((a) => [time(a.at), a.operator, a.action, `${a.status} ${a.outcome}${a.replayed ? ' (replayed)' : ''}`]))
    : el('p', {}, 'None.')));

  parts.push(el('h3', {}, 'Merchant balances and ledger'));
  parts.push(el('div', { id: 'balances' }, el('button', { type: 'button', id: 'show-balances' }, `Show ${view.merchantId}'s balances and ledger`)));

  $('checkout-body').replaceChildren(...parts);
  $('show-balances').addEventListener('click', () => showBalances(view.merchantId));
  $('terminate-button').disabled = !o || !['Running', 'Pending', 'Suspended'].includes(o.runtimeStatus);
  $('purge-button').disabled = !o || ['Running', 'Pending', 'Suspended'].includes(o.runtimeStatus);
  $('refund-button').disabled = c.status !== 'completed';
  $('cancel-button').disabled = ['completed', 'canceled', 'expired', 'rejected', 'failed', 'needs_attention'].includes(c.status);
}

async function loadCheckout(id) {
  $('checkout-error').textContent = '';
  const result = await api(`/checkouts/${encodeURIComponent(id)}`);
  if (!result.ok) {
    $('checkout-title').textContent = 'Checkout';
    $('checkout-body').replaceChildren();
    $('checkout-error').textContent = problemText(result);
    return;
  }
  renderCheckout(result.body);
}

// ---- Actions: confirmed in a dialog, sent with one Idempotency-Key per dialog so a repeated click is one action ----

function actionButton(label, onClick) {
  const button = el('button', { type: 'button' }, label);
  button.addEventListener('click', onClick);
  return button;
}

async function showBalances(merchantId) {
  const merchant = encodeURIComponent(merchantId);
  const [result, ledger] = await Promise.all([api(`/merchants/${merchant}/balances`), api(`/merchants/${merchant}/ledger`)]);
  if (!result.ok || !ledger.ok) { $('balances').replaceChildren(el('p', { class: 'error' }, problemText(result.ok ? ledger : result))); return; }
  const balances = result.body.data || [];
  const transactions = ledger.body.transactions || [];
  $('balances').replaceChildren(
    balances.length
      ? table(['Currency', 'Available', 'In transit'], balances.map((b) => [b.currency, money(b.available), money(b.inTransit)]))
      : el('p', {}, 'No balances yet.'),
    el('h4', {}, `Ledger transactions (newest ${transactions.length})`),
    transactions.length
      ? el('div', { id: 'ledger' }, table(['At', 'Transaction', 'Description', 'Entries'], transactions.map((t) => [time(t.at),
        el('span', { class: 'mono' }, t.id), `${t.description || ''}${t.complete ? '' : ' (incomplete: the reconciliation reports it)'}`,
        el('ul', {}, t.entries.map((e) => el('li', {}, `${e.direction} ${e.account} ${money(e.amount)}`)))])))
      : el('p', {}, 'No ledger transactions yet.'));
}

function confirmAction({ title, text, fields, submit, after }) {
  const dialog = $('confirm-dialog');
  const key = crypto.randomUUID();
  $('confirm-title').textContent = title;
  $('confirm-text').textContent = text;
  $('confirm-fields').replaceChildren(...fields);
  $('confirm-error').textContent = '';
  $('confirm-ok').disabled = false;
  $('confirm-ok').onclick = async (event) => {
    event.preventDefault();
    $('confirm-ok').disabled = true;
    const result = await submit(key);
    $('confirm-ok').disabled = false;
    if (result.ok) { dialog.close(); await (after || reloadCurrent)(); } else { $('confirm-error').textContent = problemText(result); }
  };
  dialog.showModal();
}

function refundDialog() {
  const c = state.checkout.checkout;
  const remaining = { value: c.landedCost.amountDueAtCheckout.value - (c.amountRefunded ? c.amountRefunded.value : 0), currency: c.landedCost.currency };
  const amount = el('input', { id: 'refund-amount', inputmode: 'decimal', placeholder: `all that remains (${money(remaining)})` });
  const reason = el('input', { id: 'refund-reason', maxlength: '500' });
  confirmAction({
    title: 'Refund this checkout?',
    text: `The buyer gets the money back in ${c.landedCost.currency}; the merchant is debited. Leave the amount empty to refund all that remains.`,
    fields: [el('label', {}, `Amount (${c.landedCost.currency})`, amount), el('label', {}, 'Reason', reason)],
    submit: (key) => {
      const body = {};
      if (amount.value.trim()) {
        const value = toMinorUnits(amount.value.trim(), c.landedCost.currency);
        if (value === null) {
          return Promise.resolve({ ok: false, status: 0, body: { detail: `Amount must be a number with at most ${digitsOf(c.landedCost.currency)} decimals, e.g. 12.50.` } });
        }
        body.amount = { value, currency: c.landedCost.currency };
      }
      if (reason.value.trim()) body.reason = reason.value.trim();
      return api(`/checkouts/${encodeURIComponent(c.id)}/refunds`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key } });
    },
  });
}

function orchestrationDialog(action) {
  const c = state.checkout.checkout;
  confirmAction({
    title: `${action === 'terminate' ? 'Terminate' : 'Purge'} this checkout's orchestration?`,
    text: action === 'terminate'
      ? 'The workflow stops where it is and will not continue: for a checkout stuck beyond repair. Nothing already captured is refunded by this.'
      : "The engine forgets the finished orchestration's history; the checkout's own record and timeline stay.",
    fields: [],
    submit: (key) => post(`/checkouts/${encodeURIComponent(c.id)}/orchestration/${action}`, key),
  });
}

function cancelDialog() {
  const c = state.checkout.checkout;
  const reason = el('input', { id: 'cancel-reason', maxlength: '500' });
  confirmAction({
    title: 'Cancel this checkout?',
    text: 'Before capture the checkout is canceled; after capture the payment is refunded first.',
    fields: [el('label', {}, 'Reason', reason)],
    submit: (key) => api(`/checkouts/${encodeURIComponent(c.id)}/cancel`, {
      method: 'POST', body: JSON.stringify(reason.value.trim() ? { reason: reason.value.trim() } : {}),
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    }),
  });
}

// ---- Routing: #checkouts (default) or #checkout/{id} ----

async function reloadCurrent() {
  const match = location.hash.match(/^#checkout\/(.+)$/);
  if (match) { await loadCheckout(decodeURIComponent(match[1])); return; }
  await route();
}

async function route() {
  if (!state.key) { show('sign-in'); return; }
  const match = location.hash.match(/^#checkout\/(.+)$/);
  if (match) { show('checkout'); await loadCheckout(decodeURIComponent(match[1])); return; }
  const view = location.hash.replace(/^#/, '');
  if (view === 'attention') { show('attention'); await loadAttention(); return; }
  if (view === 'payouts') { show('payouts'); await loadPayouts(); return; }
  if (view === 'fx') { show('fx'); await loadFx(); return; }
  if (view === 'activity') { show('activity'); await loadActivity(); return; }
  show('checkouts');
  if (state.filters === null) { state.filters = filtersFromForm().toString(); await loadCheckouts(false); }
}

// ---- Needs attention, payouts, FX rates, activity ----

function checkoutLink(id) { return el('a', { href: `#checkout/${encodeURIComponent(id)}`, class: 'mono' }, id); }

function payoutRows(payouts) {
  return payouts.map(({ merchantId, payout: p }) => [el('span', { class: 'mono' }, p.id), merchantId, checkoutLink(p.checkoutId), money(p.amount), status(p.status),
    [p.failureCode, p.failureMessage].filter(Boolean).join(': '), time(p.updatedAt),
    p.status === 'failed' ? actionButton('Retry…', () => confirmAction({
      title: 'Retry this payout?',
      text: `Sends ${money(p.amount)} to ${merchantId}'s payout destination as it is now.`,
      fields: [],
      submit: (key) => post(`/merchants/${encodeURIComponent(merchantId)}/payouts/${encodeURIComponent(p.id)}/retry`, key),
    })) : '']);
}

const payoutHeadings = ['Payout', 'Merchant', 'Checkout', 'Amount', 'Status', 'Failure', 'Updated', ''];

async function loadAttention() {
  const result = await api('/attention');
  $('attention-error').textContent = result.ok ? '' : problemText(result);
  if (!result.ok) return;
  const a = result.body;
  $('attention-body').replaceChildren(
    el('h3', {}, `Checkouts needing attention (${a.checkouts.length})`),
    a.checkouts.length ? table(['Checkout', 'Merchant', 'Reference', 'Since', 'Why'], a.checkouts.map((c) => [checkoutLink(c.id), c.merchantId, c.merchantReference || '', time(c.updatedAt), c.reason]))
      : el('p', {}, 'None.'),
    el('h3', {}, `Failed payouts (${a.failedPayouts.length})`),
    a.failedPayouts.length ? table(payoutHeadings, payoutRows(a.failedPayouts)) : el('p', {}, 'None.'),
    el('h3', {}, `Poison queues (${a.poisonMessages.length})`),
    a.poisonMessages.length ? table(['Queue', 'Message', 'Inserted', 'Dequeued', 'Body', 'Why', ''], a.poisonMessages.map((m) => [m.queue, m.messageId, time(m.insertedAt), m.dequeueCount, el('code', {}, m.body), m.reason,
      actionButton('Move back…', () => confirmAction({
        title: `Move this message back to ${m.sourceQueue}?`,
        text: `Its handler takes it again from ${m.sourceQueue}, as a redelivery: do this once the cause of its failures is fixed.`,
        fields: [],
        submit: (key) => post(`/poison-queues/${encodeURIComponent(m.queue)}/messages/${encodeURIComponent(m.messageId)}/move-back`, key),
        after: loadAttention,
      }))]))
      : el('p', {}, 'Empty: the app handles its poison queues itself (a failed payout or delivery above is where such a message ends).'));
}

async function loadPayouts() {
  const query = $('payout-status').value ? `?status=${encodeURIComponent($('payout-status').value)}` : '';
  const result = await api(`/payouts${query}`);
  $('payouts-error').textContent = result.ok ? '' : problemText(result);
  if (!result.ok) return;
  $('payouts-body').replaceChildren(result.body.data.length ? table(payoutHeadings, payoutRows(result.body.data)) : el('p', {}, 'No payouts.'));
}

async function loadFx() {
  const result = await api('/fx');
  $('fx-error').textContent = result.ok ? '' : problemText(result);
  if (!result.ok) return;
  const { status: s, rates } = result.body;
  $('fx-body').replaceChildren(
    definitions([['Status', s.status], ['Source', s.source], ['As of', s.asOf], ['Fetched', time(s.fetchedAt)], ['Maximum age (days)', s.maxRateAgeDays],
      ['Last fetch', s.lastFetch && `${s.lastFetch.outcome || ''} ${time(s.lastFetch.at)} ${s.lastFetch.detail || ''}`]]),
    rates.length ? table(['Currency', 'Per euro', 'As of', 'Source'], rates.map((r) => [r.currency, r.unitsPerEuro, r.asOf, r.source])) : el('p', {}, 'No rates in force.'));
}

async function loadActivity() {
  const result = await api(`/activity?hours=${encodeURIComponent($('activity-hours').value || '3')}`);
  $('activity-error').textContent = result.ok ? '' : problemText(result);
  if (!result.ok) return;
  const minutes = result.body.minutes;
  const width = 900; const height = 200; const max = Math.max(1, ...minutes.flatMap((m) => [m.started, m.completed, m.failed]));
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height + 20}`);
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  const totals = { started: 0, completed: 0, failed: 0 };
  for (const [series, colour] of [['started', '#2450c9'], ['completed', '#1e7b3c'], ['failed', '#b3261e']]) {
    const points = minutes.map((m, i) => `${(i / Math.max(1, minutes.length - 1)) * width},${height - (m[series] / max) * (height - 10)}`).join(' ');
    const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
    line.setAttribute('points', points); line.setAttribute('fill', 'none'); line.setAttribute('stroke', colour); line.setAttribute('stroke-width', '1.5');
    svg.append(line);
    totals[series] = minutes.reduce((sum, m) => sum + m[series], 0);
  }
  svg.setAttribute('aria-label', `Started ${totals.started}, completed ${totals.completed}, failed ${totals.failed} from ${time(result.body.from)} to ${time(result.body.to)}; peak ${max} a minute`);
  $('activity-body').replaceChildren(svg, el('p', { class: 'legend', id: 'activity-totals' },
    el('span', { class: 'started' }, `■ started ${totals.started}`), el('span', { class: 'completed' }, `■ completed ${totals.completed}`),
    el('span', { class: 'failed' }, `■ failed ${totals.failed}`), el('span', {}, `peak ${max}/min, ${time(result.body.from)} – ${time(result.body.to)}`)));
}

document.addEventListener('DOMContentLoaded', async () => {
  $('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const problem = await signIn($('operator-name').value.trim(), $('operator-key').value);
    $('sign-in-error').textContent = problem || '';
    if (!problem) { state.filters = null; await route(); }
  });
  $('sign-out').addEventListener('click', () => signOut());
  $('filters').addEventListener('submit', async (event) => {
    event.preventDefault();
    state.filters = filtersFromForm().toString();
    await loadCheckouts(false);
  });
  $('next-page').addEventListener('click', () => loadCheckouts(true));
  $('back').addEventListener('click', () => { location.hash = 'checkouts'; });
  $('refund-button').addEventListener('click', refundDialog);
  $('cancel-button').addEventListener('click', cancelDialog);
  $('terminate-button').addEventListener('click', () => orchestrationDialog('terminate'));
  $('purge-button').addEventListener('click', () => orchestrationDialog('purge'));
  $('payout-filters').addEventListener('submit', (event) => { event.preventDefault(); loadPayouts(); });
  $('activity-form').addEventListener('submit', (event) => { event.preventDefault(); loadActivity(); });
  window.addEventListener('hashchange', route);

  const name = sessionStorage.getItem('console.operator');
  const key = sessionStorage.getItem('console.key');
  if (name && key && !(await signIn(name, key))) { await route(); } else { show('sign-in'); }
});
