// The /admin/ dashboard in real headless Chromium (the Debian package), driven over CDP by
// puppeteer-core (pinned in package-lock.json). Run by CTest `dashboard_browser` (label browser;
// ci/test.sh installs Chromium and runs it). It starts scim-reference-server on 127.0.0.1 port 0,
// logs in with the admin token, creates a tenant through the form, sends a SCIM request as that
// tenant, waits for it in the live journal, opens it, finds the user in the resource browser,
// switches a variant and adds a fault, and saves a screenshot.
//   node dashboard_test.mjs SERVER SCREENSHOT.png
// Chromium: $SCIM_CHROMIUM, else /usr/bin/chromium.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import puppeteer from 'puppeteer-core';

const [server, screenshot] = process.argv.slice(2);
if (!server || !screenshot) {
  console.error('usage: node dashboard_test.mjs SERVER SCREENSHOT.png');
  process.exit(2);
}
const chromium = process.env.SCIM_CHROMIUM || '/usr/bin/chromium';

function fail(message) {
  throw new Error(message);
}

// Starts the server and resolves with its root URL from the "listening on" line.
function startServer() {
  const child = spawn(server, ['--bind', '127.0.0.1', '--port', '0', '--admin-token', 'admin-secret'],
                      { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('no "listening on" line: ' + out)), 10000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, root: m[1].replace(/\/scim\/v2$/, '') });
      }
    });
    child.on('exit', (code) => reject(new Error('server exited with ' + code)));
  });
}

async function textOf(page, selector) {
  return page.$eval(selector, (e) => e.textContent);
}

let step = 'start';

async function run() {
  const { child, root } = await startServer();
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const problems = [];
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => problems.push('page error: ' + e.message));
    page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
    // Self-contained: every request the page makes stays on the server's origin.
    page.on('request', (r) => {
      if (!r.url().startsWith(root) && !r.url().startsWith('data:')) {
        problems.push('external request: ' + r.url());
      }
    });
    await page.setViewport({ width: 1400, height: 1000 });
    await page.goto(root + '/admin/', { waitUntil: 'load' });

    // Log in.
    step = 'Log in';
    await page.type('#token', 'admin-secret');
    await page.click('#login-form button');
    await page.waitForSelector('#app:not([hidden])', { timeout: 5000 });

    // Create a tenant through the form.
    step = 'Create a tenant through the form';
    await page.type('#new-tenant', 'acme');
    await page.type('#new-token', 'acme-token');
    await page.click('#create-tenant button');
    await page.waitForSelector('#tenants tr[data-tenant="acme"]', { timeout: 5000 });
    await page.select('#tenant-select', 'acme');

    // A SCIM client's request, from outside the page.
    step = 'A SCIM clients request, from outside the page';
    const created = await fetch(root + '/tenants/acme/scim/v2/Users', {
      method: 'POST',
      headers: { Authorization: 'Bearer acme-token', 'Content-Type': 'application/scim+json' },
      body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
                             userName: 'bjensen' }),
    });
    if (created.status !== 201) fail('POST /Users answered ' + created.status);

    // It appears in the live journal; opening it shows the request and the response.
    step = 'It appears in the live journal; opening it shows the request and the response';
    await page.waitForFunction(
        () => [...document.querySelectorAll('#journal summary')]
                  .some((s) => s.textContent.includes('POST /Users') && s.textContent.includes('201')),
        { timeout: 10000 });
    const entry = await page.evaluateHandle(
        () => [...document.querySelectorAll('#journal details')]
                  .find((d) => d.querySelector('summary').textContent.includes('POST /Users')));
    await (await entry.$('summary')).click();
    const opened = await entry.evaluate((d) => d.open && d.querySelectorAll('pre').length === 2 &&
                                               d.textContent.includes('bjensen'));
    if (!opened) fail('the journal entry does not expand to its request and response');

    // The resource browser finds the user with a filter.
    step = 'The resource browser finds the user with a filter';
    await page.select('#type-select', 'User');
    await page.type('#filter', 'userName eq "bjensen"');
    await page.click('#browse button');
    await page.waitForFunction(
        () => document.querySelector('#browse-status').textContent === '1 matching', { timeout: 5000 });
    if (!(await textOf(page, '#resources')).includes('bjensen')) fail('the browser lacks bjensen');

    // A variant toggle and a fault, through the admin API.
    step = 'A variant toggle and a fault, through the admin API';
    await page.waitForSelector('#variants input[data-setting="sort"]', { timeout: 5000 });
    await page.click('#variants input[data-setting="sort"]');
    await page.waitForFunction(() => document.querySelector('#faults-status').textContent === 'done',
                               { timeout: 5000 });
    const settings = await (await fetch(root + '/admin/v1/tenants/acme/settings',
                                        { headers: { Authorization: 'Bearer admin-secret' } })).json();
    if (settings.effective.sort !== false) fail('the sort toggle did not switch sort off');
    await page.select('#fault-type', 'rateLimit');
    await page.type('#fault-path', '/Groups*');
    await page.click('#add-fault button');
    await page.waitForFunction(() => document.querySelector('#faults').textContent.includes('rateLimit'),
                               { timeout: 5000 });

    // Links to the operator endpoints.
    step = 'Links to the operator endpoints';
    const links = await page.$$eval('header a', (as) => as.map((a) => a.getAttribute('href')));
    if (!links.includes('/metrics') || !links.includes('/openapi.json')) fail('links: ' + links);

    mkdirSync(dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true });
    if (problems.length) fail(problems.join('\n'));
    console.log('ok: dashboard logged in, created a tenant, showed the request in the journal; ' +
                'screenshot ' + screenshot);
  } catch (e) {
    const page = (await browser.pages())[1];
    const state = page ? await page.evaluate(() => ['login-error', 'tenants-status',
        'browse-status', 'journal-status', 'faults-status']
        .map((id) => id + '=' + (document.getElementById(id) || {}).textContent).join('; '))
        .catch(() => '') : '';
    throw new Error('at "' + step + '": ' + e.message + (state ? ' [' + state + ']' : ''));
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}

run().catch((e) => {
  console.error('dashboard_test: FAILED: ' + e.message);
  process.exit(1);
});
