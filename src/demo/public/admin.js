/* Consent viewer: an auditor's browser talking to the admin API directly, with the key typed into the page. */
(function () {
  'use strict';

  var $ = function (id) {
    return document.getElementById(id);
  };
  var state = { cursor: null, query: '', selected: null };

  function status(kind, text) {
    var el = $('status');
    el.hidden = !text;
    el.className = 'notice ' + kind;
    el.textContent = text || '';
  }

  async function admin(path) {
    var response = await fetch(path, { headers: { authorization: 'Bearer ' + $('api-key').value.trim() } });
    var json = await response.json().catch(function () {
      return {};
    });
    if (!response.ok) {
      throw new Error(
        (json.detail || json.title || 'Request failed') + (json.code ? ' (' + json.code + ')' : ''),
      );
    }
    return json;
  }

  function text(value) {
    if (value === null || value === undefined || value === '') return '–';
    return String(value);
  }

  function cell(row, value, asCode) {
    var td = document.createElement('td');
    if (asCode) {
      var code = document.createElement('code');
      code.textContent = text(value);
      td.appendChild(code);
    } else td.textContent = text(value);
    row.appendChild(td);
    return td;
  }

  /** The filters as query parameters; datetime-local values are the auditor's local time, sent as UTC. */
  function queryOf(form) {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (name === 'api_key' || value === '') return;
      if (name === 'from' || name === 'to') value = new Date(String(value)).toISOString();
      params.set(name, String(value));
    });
    return params;
  }

  function renderRows(records, append) {
    var body = $('results');
    if (!append) body.innerHTML = '';
    records.forEach(function (record) {
      var row = document.createElement('tr');
      var first = cell(row, '');
      var open = document.createElement('button');
      open.type = 'button';
      open.className = 'link';
      open.textContent = record.id;
      open.setAttribute('aria-label', 'Open consent ' + record.id);
      open.addEventListener('click', function () {
        void openRecord(record.id);
      });
      first.textContent = '';
      first.appendChild(open);
      cell(row, record.accepted_at);
      cell(row, record.merchant_id, true);
      cell(row, record.merchant_customer_id);
      cell(row, record.terms_id + ' v' + record.terms_version);
      cell(row, record.customer_token_id, true);
      row.setAttribute('data-consent-id', record.id);
      body.appendChild(row);
    });
    $('empty').hidden = body.children.length > 0;
  }

  async function search(append) {
    status('', '');
    try {
      var params = new URLSearchParams(state.query);
      if (append && state.cursor) params.set('cursor', state.cursor);
      var page = await admin('/admin/v1/consents?' + params.toString());
      renderRows(page.data, append);
      state.cursor = page.next_cursor;
      $('more').hidden = !page.next_cursor;
    } catch (error) {
      status('error', error.message);
    }
  }

  function addField(list, label, value) {
    var wrap = document.createElement('div');
    var dt = document.createElement('dt');
    dt.textContent = label;
    var dd = document.createElement('dd');
    dd.textContent = text(value);
    wrap.appendChild(dt);
    wrap.appendChild(dd);
    list.appendChild(wrap);
  }

  /**
   * The record's own checks, as the detail answers them: its chain links (hash, previous, next) and the terms
   * text re-hashed against the hash the consent recorded. "verified" only when all of them hold.
   */
  function renderVerification(record) {
    var el = $('detail-verification');
    el.innerHTML = '';
    var chain = record.chain;
    var termsMatch = record.terms.content_matches_consent;
    var verified = chain.verified && termsMatch;
    var badge = document.createElement('span');
    badge.id = 'verification-status';
    badge.className = 'badge ' + (verified ? 'ok' : 'bad');
    badge.textContent = verified ? 'verified' : 'not verified';
    el.appendChild(badge);
    var checks = document.createElement('ul');
    checks.className = 'checks';
    [
      ['Record hash recomputes', chain.hash_valid],
      [
        chain.seq === 1
          ? 'Starts the chain (previous hash is the genesis hash)'
          : 'Links to the previous record (seq ' + (chain.seq - 1) + ')',
        chain.prev_link_valid,
      ],
      ['Next record (or chain head) links to it', chain.next_link_valid],
      ['Terms text hashes to the recorded terms SHA-256', termsMatch],
    ].forEach(function (check) {
      var li = document.createElement('li');
      li.textContent = (check[1] ? '✓ ' : '✗ ') + check[0];
      li.className = check[1] ? 'ok' : 'bad';
      checks.appendChild(li);
    });
    el.appendChild(checks);
    var position = document.createElement('p');
    position.className = 'hashes';
    position.textContent =
      'Position ' +
      chain.seq +
      ' in the merchant chain · hash ' +
      chain.hash +
      ' · previous ' +
      chain.prev_hash;
    el.appendChild(position);
    el.setAttribute('data-verified', String(verified));
    $('download-receipt').disabled = !verified;
  }

  async function openRecord(id) {
    status('', '');
    try {
      var record = await admin('/admin/v1/consents/' + encodeURIComponent(id));
      state.selected = record;
      $('detail').hidden = false;
      $('detail-id').textContent = record.id;
      var fields = $('detail-fields');
      fields.innerHTML = '';
      addField(fields, 'Accepted at (server time)', record.accepted_at);
      addField(fields, 'Merchant', record.merchant_id);
      addField(fields, "Merchant's customer id", record.merchant_customer_id);
      addField(fields, 'Customer token', record.customer_token_id);
      addField(
        fields,
        'Terms',
        record.terms.key +
          ' · ' +
          record.terms_id +
          ' · version ' +
          record.terms_version +
          ' · ' +
          record.terms_locale +
          ' · ' +
          record.terms.intended_use,
      );
      addField(fields, 'Terms SHA-256 (recorded)', record.terms_content_sha256);
      addField(fields, 'Terms published at', record.terms.published_at);
      addField(fields, 'Channel', record.channel);
      addField(fields, 'IP address', record.ip_address);
      addField(fields, 'User agent', record.user_agent);
      addField(fields, 'Session', record.session_id);
      addField(fields, 'Klarna session', record.klarna_session_id);
      addField(
        fields,
        'Events',
        (record.events || [])
          .map(function (e) {
            return e.type + ' ' + e.occurred_at + ' (seq ' + e.seq + ')';
          })
          .join(', '),
      );
      // Exactly as stored: textContent, never reflowed or trimmed.
      $('detail-terms-title').textContent = record.terms.title;
      $('detail-terms-body').textContent = record.terms.body;
      $('detail-acceptance').textContent = record.acceptance_text;
      renderVerification(record);
      $('detail').scrollIntoView({ behavior: 'smooth', block: 'start' });
    } catch (error) {
      status('error', error.message);
    }
  }

  async function verifyAll() {
    var out = $('chain-status');
    try {
      var merchant = new FormData($('search')).get('merchant_id');
      var result = await admin(
        '/admin/v1/consents/verify' + (merchant ? '?merchant_id=' + encodeURIComponent(merchant) : ''),
      );
      var scope = result.merchants_checked + (result.merchants_checked === 1 ? ' merchant' : ' merchants');
      out.textContent = result.ok
        ? 'Chains intact: ' + result.records_checked + ' records of ' + scope + ' re-hashed.'
        : 'Chain broken at ' +
          result.first_broken_id +
          ' (seq ' +
          result.first_broken_seq +
          ', ' +
          result.reason +
          '; ' +
          result.records_checked +
          ' records of ' +
          scope +
          ' checked).';
      out.setAttribute('data-chain-ok', String(result.ok));
    } catch (error) {
      out.textContent = error.message;
    }
  }

  async function downloadReceipt() {
    try {
      var id = state.selected.id;
      var answer = await admin('/admin/v1/consents/' + encodeURIComponent(id) + '/receipt');
      saveAs(new Blob([answer.receipt], { type: 'application/jose' }), 'consent-receipt-' + id + '.jws');
      status(
        'success',
        'Receipt downloaded: a compact JWS that verifies offline against /.well-known/jwks.json.',
      );
    } catch (error) {
      status('error', error.message);
    }
  }

  function saveAs(blob, name) {
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  /** Every record matching the form's filters, streamed by the API as CSV or NDJSON. */
  async function exportAs(format) {
    status('', '');
    try {
      var params = queryOf($('search'));
      params.set('format', format);
      var response = await fetch('/admin/v1/consents/export?' + params.toString(), {
        headers: { authorization: 'Bearer ' + $('api-key').value.trim() },
      });
      if (!response.ok) {
        var problem = await response.json().catch(function () {
          return {};
        });
        throw new Error(
          (problem.detail || 'Export failed') + (problem.code ? ' (' + problem.code + ')' : ''),
        );
      }
      saveAs(await response.blob(), 'consents.' + format);
      status('success', 'Export downloaded (' + format + ').');
    } catch (error) {
      status('error', error.message);
    }
  }

  $('search').addEventListener('submit', function (event) {
    event.preventDefault();
    state.query = queryOf(event.target).toString();
    state.cursor = null;
    void search(false);
  });
  $('more').addEventListener('click', function () {
    void search(true);
  });
  $('verify-chain').addEventListener('click', verifyAll);
  $('download-receipt').addEventListener('click', downloadReceipt);
  $('export-csv').addEventListener('click', function () {
    void exportAs('csv');
  });
  $('export-ndjson').addEventListener('click', function () {
    void exportAs('ndjson');
  });

  // Demo mode only: the demo backend offers the seeded auditor key so that the page works out of the box.
  fetch('/demo/api/config')
    .then(function (response) {
      return response.ok ? response.json() : {};
    })
    .then(function (config) {
      if (config.auditor_api_key && !$('api-key').value) $('api-key').value = config.auditor_api_key;
    })
    .catch(function () {});
})();
