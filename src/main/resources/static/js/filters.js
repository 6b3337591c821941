// On a phone the list's filter folds its choices under their summary, so that the results follow
// the search field. The page is served with the filter open: without JavaScript, on any screen,
// every choice stays in view and reachable.
document.addEventListener('DOMContentLoaded', function () {
  var more = document.getElementById('more-filters');
  if (more && window.matchMedia('(max-width: 48rem)').matches) {
    more.open = false;
  }
});
