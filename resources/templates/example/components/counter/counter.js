Component({
  properties: {
    value: { type: Number, value: 0 }
  },
  methods: {
    increment() {
      this.triggerEvent('change', { value: this.data.value + 1 });
    },
    decrement() {
      this.triggerEvent('change', { value: this.data.value - 1 });
    }
  }
});
