// Solid calls these at run time; Android WebView 64 and Safari 11.1 lack them (Chrome 69/71, Safari 12/12.1).
// Imported first by main.tsx, and kept dependency-free so it is evaluated before anything else.

if (typeof window.queueMicrotask !== 'function') {
  window.queueMicrotask = (callback: VoidFunction) => {
    Promise.resolve()
      .then(callback)
      .catch((err) =>
        setTimeout(() => {
          throw err;
        }),
      );
  };
}

if (typeof Array.prototype.flat !== 'function') {
  // One level deep is all Solid's splitProps needs.
  Object.defineProperty(Array.prototype, 'flat', {
    configurable: true,
    writable: true,
    value: function flat(this: unknown[]) {
      return Array.prototype.concat.apply([], this);
    },
  });
}

export {};
