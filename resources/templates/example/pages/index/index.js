const app = getApp();

Page({
  data: {
    launchedAt: '',
    count: 0,
    picked: '',
    fruits: [{ name: 'Apple' }, { name: 'Banana' }, { name: 'Cherry' }]
  },
  onLoad(query) {
    this.setData({ launchedAt: app.globalData.launchedAt });
    console.log('index onLoad', query);
  },
  onCounterChange(event) {
    this.setData({ count: event.detail.value });
  },
  onPick(event) {
    this.setData({ picked: event.currentTarget.dataset.name });
  },
  goLogs() {
    wx.switchTab({ url: '/pages/logs/logs' });
  }
});
