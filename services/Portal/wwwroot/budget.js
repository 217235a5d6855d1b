// Keeps the budget's totals in step with what is typed, and adds rows; the server recomputes on save.
(function () {
  const table = document.getElementById('budget');
  if (!table) return;
  const currency = (document.getElementById('budget-total').textContent.trim().split(' ').pop()) || '';
  const format = n => new Intl.NumberFormat(document.documentElement.lang || undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n) + ' ' + currency;
  const sum = cls => Array.from(table.querySelectorAll('input.' + cls)).reduce((t, i) => t + (parseFloat(i.value) || 0), 0);
  const update = () => {
    const total = sum('amount'), co = sum('cofinancing');
    document.getElementById('budget-total').textContent = format(total);
    document.getElementById('budget-cofinancing').textContent = format(co);
    document.getElementById('budget-requested').textContent = format(total - co);
  };
  table.addEventListener('input', update);
  document.getElementById('add-line').addEventListener('click', () => {
    const rows = table.tBodies[0].rows;
    const copy = rows[rows.length - 1].cloneNode(true);
    const index = rows.length;
    copy.querySelectorAll('[data-label]').forEach(field => {
      field.name = field.name.replace(/Budget\[\d+\]/, 'Budget[' + index + ']');
      field.id = field.id.replace(/Budget_\d+__/, 'Budget_' + index + '__');
      field.setAttribute('aria-label', field.dataset.label + ' of line ' + (index + 1));
      if (field.tagName === 'INPUT') field.value = '';
    });
    copy.querySelectorAll('.error').forEach(e => e.textContent = '');
    table.tBodies[0].appendChild(copy);
    copy.querySelector('input').focus();
  });
})();
