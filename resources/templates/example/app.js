const { formatTime } = require('./utils/util.js');

App({
  globalData: {
    launchedAt: ''
  },
  onLaunch(options) {
    this.globalData.launchedAt = formatTime(new Date());
    const logs = wx.getStorageSync('logs') || [];
    logs.unshift(Date.now());
    wx.setStorageSync('logs', logs.slice(0, 20));
    console.log('App launched at', options.path);
  }
});
