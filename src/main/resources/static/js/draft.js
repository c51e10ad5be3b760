// The draft editor: each line shows the name of the ingredient its code names, and the total of the amounts is kept
// as they are typed (in % or as a fraction, as the form says), so a lab lead sees the sum before saving.
(function () {
  const table = document.querySelector('table.draft-lines');
  const form = table && table.closest('form');
  if (!form) {
    return;
  }
  // the page's words, in the reader's language
  const unknownCode = table.dataset.unknownCode;
  const names = {};
  document.querySelectorAll('#ingredient-codes option').forEach(function (option) {
    names[option.value.toUpperCase()] = option.textContent;
  });
  const total = form.querySelector('.draft-total');

  function number(text) {
    const value = Number(String(text).trim().replace(',', '.'));
    return String(text).trim() === '' || !Number.isFinite(value) ? null : value;
  }

  function update() {
    let sum = 0;
    let count = 0;
    form.querySelectorAll('tr[data-testid="draft-line"]').forEach(function (row) {
      const code = row.querySelector('input[name="ingredientCode"]').value.trim().toUpperCase();
      const cell = row.querySelector('.ingredient-name');
      cell.textContent = code === '' ? '' : (names[code] || unknownCode);
      const amount = number(row.querySelector('input[name="amount"]').value);
      if (amount !== null) {
        sum += amount;
        count++;
      }
    });
    const percent = form.querySelector('#amountsAs').value === '%';
    const shown = percent ? sum : sum * 100;
    total.textContent = count === 0 ? '—' : shown.toFixed(4).replace(/\.?0+$/, '') + ' %';
    const whole = Math.abs(shown - 100) <= 0.0001;
    total.classList.toggle('text-success', count > 0 && whole);
    total.classList.toggle('text-danger', count > 0 && !whole);
  }

  form.addEventListener('input', update);
  form.addEventListener('change', update);
  update();
})();
