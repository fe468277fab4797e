function pad(n) {
  return n < 10 ? '0' + n : String(n);
}

function formatTime(date) {
  const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()].map(pad).join('-');
  const time = [date.getHours(), date.getMinutes(), date.getSeconds()].map(pad).join(':');
  return day + ' ' + time;
}

module.exports = { formatTime };
