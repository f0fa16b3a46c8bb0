/**
 * Browser stand-in for Klarna's `https://x.klarnacdn.net/kp/lib/v1/api.js` (REFERENCE §4.1): same global
 * `Klarna.Payments` functions and callback shapes, backed by the emulator's /emulator/v1 controls on the
 * script's own origin. Plain ES5-style JS so any checkout page can load it unchanged.
 */
export const KLARNA_SDK_JS = String.raw`/* Klarna Payments SDK stand-in served by the Klarna emulator. Not Klarna's code. */
(function () {
  'use strict';
  var script = document.currentScript;
  var origin = script && script.src ? new URL(script.src).origin : window.location.origin;
  var NAMES = { klarna: 'Pay with Klarna', pay_later: 'Pay later', pay_now: 'Pay now', pay_over_time: 'Financing' };
  var state = { sessionId: null };

  function InvalidClientTokenError(message) {
    this.name = 'InvalidClientTokenError';
    this.message = message;
  }
  InvalidClientTokenError.prototype = Object.create(Error.prototype);
  InvalidClientTokenError.prototype.constructor = InvalidClientTokenError;

  function decodeSegment(segment) {
    var base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
    while (base64.length % 4) base64 += '=';
    return JSON.parse(atob(base64));
  }

  function sessionIdOf(clientToken) {
    var parts = typeof clientToken === 'string' ? clientToken.split('.') : [];
    if (parts.length !== 3) throw new InvalidClientTokenError('client_token is not a JWT');
    var payload;
    try {
      payload = decodeSegment(parts[1]);
    } catch (e) {
      throw new InvalidClientTokenError('client_token payload is not valid JSON');
    }
    if (!payload || typeof payload.session_id !== 'string') {
      throw new InvalidClientTokenError('client_token carries no session_id');
    }
    return payload.session_id;
  }

  function args(data, callback) {
    return typeof data === 'function' ? { data: {}, callback: data } : { data: data || {}, callback: callback };
  }

  function requireInit() {
    if (!state.sessionId) throw new Error('Klarna.Payments.init() must be called first');
  }

  function call(step, options, data, callback) {
    requireInit();
    var body = {};
    Object.keys(data).forEach(function (key) { body[key] = data[key]; });
    if (options && options.payment_method_category) body.payment_method_category = options.payment_method_category;
    if (options && options.auto_finalize === false && step === 'authorize') body.auto_finalize = false;
    fetch(origin + '/emulator/v1/sessions/' + encodeURIComponent(state.sessionId) + '/' + step, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body)
    })
      .then(function (response) {
        return response.json().then(function (json) { return response.ok ? json : { approved: false, show_form: false }; });
      })
      .catch(function () { return { approved: false, show_form: false }; })
      .then(function (result) { if (typeof callback === 'function') callback(result); });
  }

  function init(options) {
    state.sessionId = sessionIdOf(options && options.client_token);
  }

  function load(options, data, callback) {
    var a = args(data, callback);
    requireInit();
    var container = typeof options.container === 'string' ? document.querySelector(options.container) : options.container;
    var category = options.payment_method_category || 'klarna';
    if (container) {
      var widget = document.createElement('div');
      widget.className = 'klarna-emulator-widget';
      widget.setAttribute('data-payment-method-category', category);
      widget.style.cssText = 'border:1px solid #ffb3c7;border-radius:8px;padding:12px;font:14px sans-serif;background:#fff0f4';
      widget.textContent = 'Klarna (emulator) \u2013 ' + (NAMES[category] || category);
      container.innerHTML = '';
      container.appendChild(widget);
    }
    if (typeof a.callback === 'function') a.callback({ show_form: true });
  }

  function step(name) {
    return function (options, data, callback) {
      var a = args(data, callback);
      call(name, options || {}, a.data, a.callback);
    };
  }

  window.Klarna = window.Klarna || {};
  window.Klarna.Payments = {
    init: init,
    load: load,
    authorize: step('authorize'),
    reauthorize: step('authorize'),
    finalize: step('finalize'),
    InvalidClientTokenError: InvalidClientTokenError
  };
})();
`;
