/**
 * A fixed-capacity FIFO that overwrites its oldest item when full. Used wherever memory must stay
 * bounded whatever the input rate: lag sample windows, per-viewer queues. Push and shift are O(1);
 * an array with shift() would be O(n) per drop on a full viewer queue.
 */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[];
  private head = 0;
  private length = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`Ring buffer capacity must be a whole number of at least 1; got ${capacity}.`);
    this.items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.length;
  }

  /** Appends `item`; returns the item it pushed out when the buffer was full. */
  push(item: T): T | undefined {
    const tail = (this.head + this.length) % this.capacity;
    if (this.length < this.capacity) {
      this.items[tail] = item;
      this.length++;
      return undefined;
    }
    const evicted = this.items[this.head];
    this.items[this.head] = item;
    this.head = (this.head + 1) % this.capacity;
    return evicted;
  }

  /** Removes and returns the oldest item. */
  shift(): T | undefined {
    if (this.length === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) % this.capacity;
    this.length--;
    return item;
  }

  /** Oldest (0) to newest (size − 1). */
  at(index: number): T | undefined {
    if (index < 0) index += this.length;
    if (index < 0 || index >= this.length) return undefined;
    return this.items[(this.head + index) % this.capacity];
  }

  peekOldest(): T | undefined {
    return this.at(0);
  }

  peekNewest(): T | undefined {
    return this.at(-1);
  }

  /** A copy, oldest first. */
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.items[(this.head + i) % this.capacity] as T);
    return out;
  }

  clear(): void {
    this.items.fill(undefined);
    this.head = 0;
    this.length = 0;
  }
}
