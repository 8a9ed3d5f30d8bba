/* Small progressive enhancements: filter forms submit when a choice changes. */
(function () {
  'use strict';
  document.documentElement.className += ' js';
  var fields = document.querySelectorAll('form.autosubmit select, form.autosubmit input[type=checkbox]');
  Array.prototype.forEach.call(fields, function (field) {
    field.addEventListener('change', function () { field.form.submit(); });
  });
}());
