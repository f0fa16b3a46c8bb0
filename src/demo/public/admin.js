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

  function tokenOf(record) {
    if (record.customer_token_id) return record.customer_token_id;
    var linked = (record.events || []).filter(function (e) {
      return e.customer_token_id;
    });
    return linked.length ? linked[0].customer_token_id : null;
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
      cell(row, record.terms_id ? record.terms_id + ' v' + record.terms_version : record.terms_version);
      cell(row, tokenOf(record), true);
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

  function renderVerification(record, chain) {
    var el = $('detail-verification');
    el.innerHTML = '';
    var badge = document.createElement('span');
    var position = record.chain || {};
    if (chain) {
      var intact = chain.ok;
      badge.className = 'badge ' + (intact ? 'ok' : 'bad');
      badge.textContent = intact ? 'Chain intact' : 'Chain broken';
      el.appendChild(badge);
      el.appendChild(
        document.createTextNode(
          ' ' +
            chain.records_checked +
            ' records of this merchant re-hashed' +
            (intact ? '.' : '; the first broken record is ' + chain.first_broken_id + '.'),
        ),
      );
    }
    var details = [];
    if (position.seq !== undefined) details.push('position ' + position.seq + ' in the chain');
    if (position.hash) details.push('hash ' + position.hash);
    if (position.prev_hash) details.push('previous ' + position.prev_hash);
    if (details.length) el.appendChild(document.createTextNode(' This record: ' + details.join(', ') + '.'));
    el.setAttribute('data-chain-ok', chain ? String(chain.ok) : 'unknown');
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
      addField(fields, 'Customer token', tokenOf(record));
      addField(
        fields,
        'Terms',
        record.terms_id + ' · version ' + record.terms_version + ' · ' + record.terms_locale,
      );
      addField(fields, 'Terms SHA-256', record.terms_content_sha256);
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
            return e.type + ' ' + e.occurred_at;
          })
          .join(', '),
      );
      var terms = record.terms || {};
      $('detail-terms-title').textContent = text(terms.title || record.terms_title);
      $('detail-terms-body').textContent = text(terms.body || record.terms_body || record.terms_text);
      $('detail-acceptance').textContent = text(record.acceptance_text);
      var chain = await admin(
        '/admin/v1/consents/verify?merchant_id=' + encodeURIComponent(record.merchant_id),
      );
      renderVerification(record, chain);
      $('detail').scrollIntoView({ behavior: 'smooth', block: 'start' });
    } catch (error) {
      status('error', error.message);
    }
  }

  async function verifyAll() {
    var out = $('chain-status');
    try {
      var merchant = new FormData($('search')).get('merchant_id');
      var result = await admin('/admin/v1/consents/verify' + (merchant ? '?merchant_id=' + merchant : ''));
      out.textContent = result.ok
        ? 'Chain intact: ' + result.records_checked + ' records re-hashed.'
        : 'Chain broken at ' + result.first_broken_id + ' (' + result.records_checked + ' records checked).';
    } catch (error) {
      out.textContent = error.message;
    }
  }

  async function downloadReceipt() {
    try {
      var id = state.selected.id;
      var answer = await admin('/admin/v1/consents/' + encodeURIComponent(id) + '/receipt');
      var link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([answer.receipt], { type: 'application/jose' }));
      link.download = 'consent-receipt-' + id + '.jws';
      document.body.appendChild(link);
      link.click();
      link.remove();
      status(
        'success',
        'Receipt downloaded: a compact JWS that verifies offline against /.well-known/jwks.json.',
      );
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
