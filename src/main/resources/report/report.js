(function () {
    'use strict';
    // Sorts and filters the rows already in the page: log text is never parsed as HTML here.
    document.documentElement.classList.add('js');
    var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };

    function value(row, index, numeric) {
        var cell = row.cells[index];
        var v = cell ? (cell.getAttribute('data-v') || cell.textContent.trim()) : '';
        if (numeric) {
            var n = parseFloat(v);
            return isNaN(n) ? -Infinity : n;
        }
        return v.toLowerCase();
    }

    function sort(table, th) {
        var headers = Array.prototype.slice.call(th.parentNode.cells);
        var index = headers.indexOf(th);
        var numeric = th.getAttribute('data-type') === 'num';
        var current = th.getAttribute('aria-sort');
        // Counts sort largest first on the first click, text A to Z.
        var asc = current ? current !== 'ascending' : !numeric;
        each(headers, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.forEach(function (r, i) { r.dataset.pos = r.dataset.pos || String(i); });
        rows.sort(function (a, b) {
            var x = value(a, index, numeric);
            var y = value(b, index, numeric);
            var c = x < y ? -1 : x > y ? 1 : 0;
            return (asc ? c : -c) || (a.dataset.pos - b.dataset.pos);
        });
        rows.forEach(function (r) { body.appendChild(r); });
    }

    each(document.querySelectorAll('table.sortable'), function (table) {
        each(table.tHead.rows[0].cells, function (th) {
            th.tabIndex = 0;
            th.title = 'Sort by ' + th.textContent;
            th.addEventListener('click', function () { sort(table, th); });
            th.addEventListener('keydown', function (e) {
                if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    sort(table, th);
                }
            });
        });
    });

    each(document.querySelectorAll('input[data-table]'), function (input) {
        var table = document.getElementById(input.getAttribute('data-table'));
        var label = input.parentNode;
        var shown = label.querySelector('.shown');
        label.hidden = false;
        input.addEventListener('input', function () {
            var q = input.value.trim().toLowerCase();
            var rows = table.tBodies[0].rows;
            var n = 0;
            each(rows, function (r) {
                var hit = !q || r.textContent.toLowerCase().indexOf(q) >= 0;
                r.hidden = !hit;
                n += hit ? 1 : 0;
            });
            shown.textContent = q ? n + ' of ' + rows.length + ' rows' : '';
        });
    });
}());
