Page({
  data: {},

  onLoad() {},
});
