/**
 * The small customer portal served at /portal/: one page, no build step and nothing loaded
 * from elsewhere, talking to /api/portal/catalog and /api/portal/orders with the portal's API
 * key. Bilingual labels (customers read Chinese or English); every text from the server or
 * the user is set as text, never as HTML.
 */
export const PORTAL_PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>OrderLine 在线订购 · Online ordering</title>
<style>
  body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1f2933; }
  h1 { font-size: 1.5rem; }
  fieldset { border: 1px solid #d0d7de; border-radius: 6px; margin: 1rem 0; padding: 0.75rem 1rem; }
  label { display: block; margin: 0.5rem 0 0.2rem; font-weight: 600; }
  input, select, textarea { font: inherit; padding: 0.35rem; width: 100%; box-sizing: border-box; }
  .row { display: grid; grid-template-columns: 2fr 2fr 1fr auto; gap: 0.5rem; align-items: end; margin-bottom: 0.5rem; }
  .error { color: #b42318; font-size: 0.9rem; min-height: 1.1rem; }
  .hint { color: #57606a; font-size: 0.9rem; }
  button { font: inherit; padding: 0.4rem 1rem; cursor: pointer; }
  #result { margin-top: 1rem; padding: 0.75rem; border-radius: 6px; display: none; }
  #result.ok { display: block; background: #e6f4ea; }
  #result.bad { display: block; background: #fdecea; }
</style>
</head>
<body>
<h1>在线订购 · Online ordering</h1>
<p class="hint">订单提交后由工厂接单员审核确认。· Your order is reviewed and confirmed by the factory's order desk.</p>
<form id="order-form" novalidate>
  <fieldset>
    <legend>门户密钥 · Portal key</legend>
    <label for="api-key">API 密钥 · API key</label>
    <input id="api-key" name="apiKey" autocomplete="off" spellcheck="false">
    <div class="error" id="api-key-error"></div>
    <button type="button" id="load-catalog">加载产品目录 · Load catalog</button>
  </fieldset>
  <fieldset>
    <legend>客户 · Customer</legend>
    <label for="customer-code">客户编号 · Customer code</label>
    <input id="customer-code" name="customerCode" placeholder="C-0001">
    <div class="error" id="customerCode-error"></div>
    <label for="contact-name">联系人 · Contact</label>
    <input id="contact-name" name="contactName">
    <div class="error" id="contact-error"></div>
    <label for="contact-phone">电话 · Phone</label>
    <input id="contact-phone" name="contactPhone">
    <label for="contact-email">邮箱 · E-mail</label>
    <input id="contact-email" name="contactEmail" type="email">
    <div class="error" id="contact.email-error"></div>
  </fieldset>
  <fieldset>
    <legend>产品 · Products</legend>
    <div id="lines"></div>
    <div class="error" id="lines-error"></div>
    <button type="button" id="add-line">添加一行 · Add a line</button>
  </fieldset>
  <fieldset>
    <legend>交付 · Delivery</legend>
    <label for="requested-date">要求交货日期 · Requested delivery date</label>
    <input id="requested-date" name="requestedDate" type="date">
    <div class="error" id="requestedDate-error"></div>
    <label for="delivery-place">交货地点 · Delivery place</label>
    <input id="delivery-place" name="deliveryPlace">
    <div class="error" id="deliveryPlace-error"></div>
    <label for="external-ref">您的订单号 · Your order reference</label>
    <input id="external-ref" name="externalRef">
    <div class="error" id="externalRef-error"></div>
    <label for="notes">备注 · Notes</label>
    <textarea id="notes" name="notes" rows="3"></textarea>
  </fieldset>
  <button type="submit" id="submit">提交订单 · Place order</button>
</form>
<div id="result" role="status" aria-live="polite"></div>
<script>
(function () {
  var catalog = [];
  var keyInput = document.getElementById('api-key');
  keyInput.value = localStorage.getItem('orderline-portal-key') || '';
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function headers() {
    return { 'content-type': 'application/json', 'x-api-key': keyInput.value.trim() };
  }
  function setError(path, text) {
    var node = document.getElementById(path + '-error');
    if (!node) node = document.getElementById(path.split('.')[0] + '-error');
    if (node) node.textContent = text;
    return Boolean(node);
  }
  function clearErrors() {
    var nodes = document.querySelectorAll('.error');
    for (var i = 0; i < nodes.length; i++) nodes[i].textContent = '';
  }
  function fillSpecs(row) {
    var product = catalog.find(function (p) { return p.code === row.model.value; });
    row.spec.textContent = '';
    (product ? product.specs : []).forEach(function (s) {
      row.spec.appendChild(el('option', { value: s.code }, s.code + ' · ' + s.name.zh + ' / ' + s.name.en));
    });
    row.hint.textContent = product ? '起订量 MOQ ' + product.moq + ' · 标准交期 lead time ' + product.leadTimeDays + ' d' : '';
  }
  var rows = [];
  function addLine() {
    var n = rows.length;
    var box = el('div', { class: 'row', 'data-line': String(n) });
    var model = el('select', { 'aria-label': '型号 Model ' + (n + 1), name: 'model' });
    catalog.forEach(function (p) {
      model.appendChild(el('option', { value: p.code }, p.code + ' · ' + p.name.zh + ' / ' + p.name.en));
    });
    var spec = el('select', { 'aria-label': '规格 Spec ' + (n + 1), name: 'spec' });
    var qty = el('input', { 'aria-label': '数量 Quantity ' + (n + 1), name: 'quantity', type: 'number', min: '1' });
    var remove = el('button', { type: 'button' }, '删除 · Remove');
    var hint = el('div', { class: 'hint' });
    var row = { box: box, model: model, spec: spec, qty: qty, hint: hint };
    model.addEventListener('change', function () { fillSpecs(row); });
    remove.addEventListener('click', function () { box.remove(); hint.remove(); rows = rows.filter(function (r) { return r !== row; }); });
    box.append(model, spec, qty, remove);
    document.getElementById('lines').append(box, hint);
    rows.push(row);
    fillSpecs(row);
  }
  async function loadCatalog() {
    clearErrors();
    localStorage.setItem('orderline-portal-key', keyInput.value.trim());
    var res = await fetch('/api/portal/catalog', { headers: headers() });
    if (!res.ok) { setError('api-key', '密钥无效 · The API key is not valid'); return false; }
    catalog = await res.json();
    document.getElementById('lines').textContent = '';
    rows = [];
    addLine();
    return true;
  }
  document.getElementById('load-catalog').addEventListener('click', loadCatalog);
  document.getElementById('add-line').addEventListener('click', function () {
    if (catalog.length === 0) { setError('api-key', '请先加载产品目录 · Load the catalog first'); return; }
    addLine();
  });
  document.getElementById('order-form').addEventListener('submit', async function (event) {
    event.preventDefault();
    clearErrors();
    var result = document.getElementById('result');
    result.className = '';
    var value = function (id) { return document.getElementById(id).value.trim(); };
    var contact = { name: value('contact-name') };
    if (value('contact-phone')) contact.phone = value('contact-phone');
    if (value('contact-email')) contact.email = value('contact-email');
    var body = {
      externalRef: value('external-ref'),
      customerCode: value('customer-code'),
      contact: contact,
      lines: rows.map(function (r) {
        var line = { model: r.model.value, quantity: Number(r.qty.value) };
        if (r.spec.value) line.spec = r.spec.value;
        return line;
      }),
      requestedDate: value('requested-date'),
      deliveryPlace: value('delivery-place'),
    };
    if (value('notes')) body.notes = value('notes');
    var res;
    try {
      res = await fetch('/api/portal/orders', { method: 'POST', headers: headers(), body: JSON.stringify(body) });
    } catch (e) {
      result.className = 'bad';
      result.textContent = '无法连接服务器 · The server cannot be reached';
      return;
    }
    var json = await res.json().catch(function () { return {}; });
    if (res.ok) {
      result.className = 'ok';
      result.textContent = (json.created ? '订单已收到 · Order received: ' : '此订单已提交过 · Already received: ') + json.number;
      result.setAttribute('data-number', json.number);
      return;
    }
    if (res.status === 401) setError('api-key', '密钥无效 · The API key is not valid');
    var placed = false;
    (json.issues || []).forEach(function (issue) {
      placed = setError(issue.path || 'lines', '请检查此项 · Please check: ' + issue.message) || placed;
    });
    result.className = 'bad';
    result.textContent = placed || res.status === 401 ? '请修正标出的内容 · Please correct the marked fields' : (json.message || 'Error ' + res.status);
  });
  if (keyInput.value) loadCatalog();
})();
</script>
</body>
</html>
`;
