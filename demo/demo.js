// The language picker sets `lang` on the embed's container: the widgets
// follow the nearest ancestor's language.
const picker = document.getElementById('lang');
const embed = document.getElementById('embed');
picker.addEventListener('change', () => {
  embed.lang = picker.value;
  embed.dir = picker.value === 'ar' ? 'rtl' : 'ltr';
});
