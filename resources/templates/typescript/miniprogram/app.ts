interface AppData {
  launchedAt: string;
}

App<{ globalData: AppData }>({
  globalData: { launchedAt: '' },
  onLaunch() {
    this.globalData.launchedAt = new Date().toLocaleTimeString();
  },
});
