/* The demo merchant's sign-up page: Klarna's JS in the browser, everything else through the merchant's backend. */
(function () {
  'use strict';

  // Klarna's playground personas for Sweden (the emulator follows the same e-mail rule).
  var PERSONAS = {
    approved: {
      given_name: 'Testperson-se',
      family_name: 'Approved',
      email: 'customer@email.se',
      street_address: 'Stårgatan 1',
      postal_code: '12345',
      city: 'Ankeborg',
      phone: '+46765260000',
      country: 'SE',
    },
    denied: {
      given_name: 'Testperson-se',
      family_name: 'Denied',
      email: 'customer+denied@email.se',
      street_address: 'Stårgatan 1',
      postal_code: '12345',
      city: 'Ankeborg',
      phone: '+46765260000',
      country: 'SE',
    },
  };

  var $ = function (id) {
    return document.getElementById(id);
  };
  var state = {
    session: null,
    category: 'klarna',
    token: null,
    chargeKey: null,
    busy: false,
    signedUp: false,
  };

  function show(element, kind, text) {
    element.hidden = false;
    element.className = 'notice ' + kind;
    element.textContent = text;
  }
  /** The page-level message; `outcome` (approved/declined) marks the sign-up's end for people and tests. */
  function status(kind, text, outcome) {
    show($('status'), kind, text);
    if (outcome) $('status').setAttribute('data-outcome', outcome);
    else $('status').removeAttribute('data-outcome');
  }

  function problemText(problem) {
    var text = problem.detail || problem.title || 'Something went wrong.';
    if (problem.errors && problem.errors.length) {
      text +=
        ' ' +
        problem.errors
          .map(function (e) {
            return e.field + ' ' + e.message;
          })
          .join('; ');
    }
    return text + (problem.code ? ' (' + problem.code + ')' : '');
  }

  async function backend(method, path, body) {
    var response = await fetch(path, {
      method: method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    var json = await response.json().catch(function () {
      return {};
    });
    if (!response.ok) {
      var error = new Error(problemText(json));
      error.problem = json;
      throw error;
    }
    return json;
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = src;
      script.async = true;
      script.onload = resolve;
      script.onerror = function () {
        reject(new Error('Could not load Klarna from ' + src));
      };
      document.head.appendChild(script);
    });
  }

  function formatAmount(minor, currency) {
    return (minor / 100).toFixed(2) + ' ' + currency;
  }

  function consentText() {
    return $('consent-label').textContent.replace(/\s+/g, ' ').trim();
  }

  function renderTerms(terms) {
    $('terms-title').textContent = terms.title;
    $('terms-body').textContent = terms.body;
    $('terms-version').textContent = String(terms.version);
    $('terms-locale').textContent = terms.locale;
    $('terms-hash').textContent = terms.content_sha256;
    $('consent-label').textContent =
      'I agree to “' +
      terms.title +
      '” (version ' +
      terms.version +
      ') and let ' +
      $('merchant-name').textContent +
      ' charge my Klarna account after each charging session, up to ' +
      formatAmount(terms.scope.max_order_amount, terms.scope.currency) +
      ' per charge.';
  }

  function updateSignUpButton() {
    $('sign-up').disabled = state.busy || state.signedUp || !state.session || !$('consent').checked;
  }

  async function openSession() {
    state.session = await backend('POST', '/demo/api/sessions');
    renderTerms(state.session.terms);
    var categories = state.session.payment_method_categories.map(function (c) {
      return c.identifier;
    });
    state.category = categories.indexOf('klarna') >= 0 ? 'klarna' : categories[0];
    Klarna.Payments.init({ client_token: state.session.client_token });
    await new Promise(function (resolve) {
      Klarna.Payments.load(
        { container: '#klarna-payments-container', payment_method_category: state.category },
        {},
        resolve,
      );
    });
    $('consent').disabled = false;
    updateSignUpButton();
    status('info', 'Choose a persona, accept the terms and sign up.');
  }

  function authorize(persona) {
    return new Promise(function (resolve) {
      Klarna.Payments.authorize(
        { payment_method_category: state.category },
        { billing_address: PERSONAS[persona], customer: { type: 'person' } },
        resolve,
      );
    });
  }

  async function signUp() {
    var persona = document.querySelector('input[name="persona"]:checked').value;
    state.busy = true;
    updateSignUpButton();
    status('info', 'Waiting for Klarna…');
    try {
      var result = await authorize(persona);
      if (!result.approved || !result.authorization_token) {
        status(
          'error',
          'Klarna declined this payment method, so no customer token was created and nothing will be charged. ' +
            'Try another payment method or persona.',
          'declined',
        );
        return;
      }
      status('info', 'Approved by Klarna. Creating your customer token…');
      var signedUp = await backend('POST', '/demo/api/sign-ups', {
        session_id: state.session.id,
        terms_id: state.session.terms.id,
        acceptance_text: consentText(),
        authorization_token: result.authorization_token,
      });
      state.token = signedUp.customer_token;
      state.chargeKey = crypto.randomUUID();
      $('customer-token').textContent = state.token.id;
      $('token-status').textContent = state.token.status;
      $('consent-id').textContent = signedUp.consent.id;
      $('payment-method').textContent = state.token.payment_method_type || '–';
      $('result').hidden = false;
      state.signedUp = true;
      status('success', 'Signed up. Klarna approved ' + PERSONAS[persona].email + '.', 'approved');
      $('result').scrollIntoView({ behavior: 'smooth', block: 'start' });
    } catch (error) {
      status('error', error.message);
    } finally {
      state.busy = false;
      updateSignUpButton();
    }
  }

  async function charge() {
    var button = $('charge');
    button.disabled = true;
    var out = $('charge-result');
    out.setAttribute('data-charge-state', 'pending');
    show(out, 'info', 'Charging…');
    try {
      // One key per intended charge: a retry after a network error reuses it, so it never charges twice.
      var order = await backend('POST', '/demo/api/customer-tokens/' + state.token.id + '/orders', {
        idempotency_key: state.chargeKey,
      });
      var ok = order.status === 'accepted' || order.status === 'pending';
      // An unknown outcome is finished by the service with the same key: keep it, so a retry gets the answer.
      if (order.status !== 'unknown') state.chargeKey = crypto.randomUUID();
      show(
        out,
        ok ? 'success' : order.status === 'unknown' ? 'info' : 'error',
        (ok ? 'Charged ' : order.status === 'unknown' ? 'Charging ' : 'Not charged ') +
          formatAmount(order.order_amount, order.purchase_currency) +
          ': order ' +
          order.id +
          ' is ' +
          (order.status === 'unknown' ? 'waiting for Klarna; press again to see the outcome' : order.status) +
          (order.klarna_order_id ? ' (Klarna order ' + order.klarna_order_id + ')' : '') +
          '.',
      );
      out.setAttribute('data-order-id', order.id);
    } catch (error) {
      // A refused charge (declined, out of scope) may be tried anew; one in flight or unanswered keeps its key.
      var problem = error.problem || {};
      if (problem.status < 500 && problem.code !== 'REQUEST_IN_PROGRESS')
        state.chargeKey = crypto.randomUUID();
      show(out, 'error', 'The charge failed: ' + error.message);
    } finally {
      button.disabled = false;
      out.setAttribute('data-charge-state', 'done');
    }
  }

  async function start() {
    try {
      var config = await backend('GET', '/demo/api/config');
      $('merchant-name').textContent = config.merchant_name;
      await loadScript(config.klarna_js_url);
      await openSession();
    } catch (error) {
      status('error', error.message);
    }
  }

  $('consent').addEventListener('change', updateSignUpButton);
  $('sign-up').addEventListener('click', signUp);
  $('charge').addEventListener('click', charge);
  void start();
})();
