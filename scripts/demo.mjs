#!/usr/bin/env node
// Demo against the running app (./run.sh): a Shenzhen merchant sells to Karachi (PK), Macau (MO) and Lyon (FR).
// Starts one checkout per corridor, confirms the landed cost it was quoted, waits for the end, and prints each
// checkout's itemized landed cost and its timeline (history). Node 20+, no packages.
//   node scripts/demo.mjs [baseUrl]          default http://localhost:7071
//   CHECKOUT_API_KEY=ck_... node scripts/demo.mjs   a key from "scripts/merchants.sh create" (default: dev_local_key)
const base = (process.argv[2] ?? process.env.CHECKOUT_URL ?? 'http://localhost:7071').replace(/\/$/, '');
const key = process.env.CHECKOUT_API_KEY ?? 'dev_local_key';
const run = Date.now().toString(36);

const corridors = [
  { city: 'Karachi', country: 'PK', postalCode: '75500', currency: 'PKR' },
  { city: 'Macau', country: 'MO', postalCode: null, currency: 'MOP' },
  { city: 'Lyon', country: 'FR', postalCode: '69001', currency: 'EUR' },
];

function cart(c) {
  return {
    merchantReference: `demo-${run}-${c.country.toLowerCase()}`,
    presentmentCurrency: c.currency,
    incoterm: 'DDP',
    buyer: { country: c.country, ...(c.postalCode ? { postalCode: c.postalCode } : {}), email: 'buyer@example.com' },
    shipFrom: { country: 'CN', postalCode: '518000' }, // Shenzhen
    items: [
      { sku: 'TS-1', description: 'Cotton T-shirt', hsCode: '610910', originCountry: 'CN',
        unitPrice: { value: 1250, currency: 'CNY' }, quantity: 2, weightGrams: 200,
        dimensionsCm: { length: 30, width: 20, height: 3 } },
      { sku: 'PC-7', description: 'Silicone phone case', hsCode: '392690', originCountry: 'CN',
        unitPrice: { value: 3900, currency: 'CNY' }, quantity: 1, weightGrams: 80,
        dimensionsCm: { length: 18, width: 10, height: 2 } },
    ],
    shipping: { preference: 'cheapest' },
    payment: { token: 'tok_sandbox_success' },
  };
}

async function call(method, path, body, idempotencyKey) {
  const headers = { Authorization: `Bearer ${key}` };
  if (body) headers['Content-Type'] = 'application/json';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  const response = await fetch(base + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const json = await response.json();
  if (response.status >= 400) throw new Error(`${method} ${path}: ${response.status} ${json.title} ${json.detail ?? ''}`);
  return json;
}

async function until(id, done) {
  for (let i = 0; i < 240; i++) {
    const status = await call('GET', `/api/checkouts/${id}?showHistory=true`);
    if (done(status.status)) return status;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`checkout ${id} did not finish`);
}

const terminal = (s) => ['completed', 'rejected', 'expired', 'canceled', 'failed', 'needs_attention'].includes(s);

// Minor units to a decimal string by the ISO 4217 exponent: 2 unless listed (Intl's CLDR digits differ, e.g. PKR 0).
const exponents = { BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, VND: 0,
  VUV: 0, XAF: 0, XOF: 0, XPF: 0, BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3 };
function money({ value, currency }) {
  const digits = exponents[currency] ?? 2;
  const sign = value < 0 ? '-' : '';
  const text = Math.abs(value).toString().padStart(digits + 1, '0');
  const amount = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return `${currency} ${sign}${amount}`.padStart(16);
}

function print(corridor, status) {
  const cost = status.landedCost;
  console.log(`\n=== Shenzhen -> ${corridor.city} (${corridor.country}): ${status.id} ${status.status}`);
  if (status.quote) console.log(`    FX ${status.quote.from}->${status.quote.to} at ${status.quote.rate} (quote ${status.quote.id})`);
  if (status.shipping) console.log(`    ${status.shipping.carrier} ${status.shipping.service}, ${status.shipping.days.min}-${status.shipping.days.max} days`);
  if (status.rejection) console.log(`    rejected: ${status.rejection.code} ${status.rejection.detail}`);
  if (cost) {
    console.log(`  Landed cost (${cost.incoterm}):`);
    for (const line of cost.lines) {
      const rate = line.rate != null ? ` @ ${line.rate}` : '';
      console.log(`    ${money(line.amount)}  ${line.kind.padEnd(9)} ${line.description}${rate}  [${line.rule.id}]`);
    }
    console.log(`    ${money(cost.total)}  total (due at checkout ${money(cost.amountDueAtCheckout).trim()})`);
  }
  console.log('  Timeline:');
  for (const event of status.historyEvents ?? []) {
    console.log(`    ${event.timestamp}  ${event.eventType.padEnd(22)} -> ${event.status}${event.detail ? `  ${event.detail}` : ''}`);
  }
}

for (const corridor of corridors) {
  const body = cart(corridor);
  const started = await call('POST', '/api/checkouts', body, body.merchantReference);
  let status = await until(started.id, (s) => s === 'awaiting_confirmation' || terminal(s));
  if (status.status === 'awaiting_confirmation') {
    await call('POST', `/api/checkouts/${started.id}/confirm`, { quoteId: status.quote.id }, `${body.merchantReference}-confirm`);
    status = await until(started.id, terminal);
  }
  print(corridor, status);
}
