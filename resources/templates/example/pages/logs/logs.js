const { formatTime } = require('../../utils/util.js');

Page({
  data: {
    logs: []
  },
  onShow() {
    const logs = (wx.getStorageSync('logs') || []).map((t) => formatTime(new Date(t)));
    this.setData({ logs });
  }
});
