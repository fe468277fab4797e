interface IndexData {
  count: number;
}

Page<IndexData, { increment(): void }>({
  data: { count: 0 },
  increment() {
    this.setData({ count: this.data.count + 1 });
  },
});
