import { describe, expect, it } from 'vitest';
import { staleAssetCaches, withVersion } from './sw-assets';

describe('staleAssetCaches', () => {
	const names = ['assets-1', 'assets-2', 'assets-3', 'assets-4', 'pages-u-ab', 'kit-meta'];

	it('deletes old versions but keeps the one before, for tabs opened before the update', () => {
		expect(staleAssetCaches(names, '4', '3', new Set())).toEqual(['assets-1', 'assets-2']);
	});

	it('keeps a version a kept page was saved with, so it opens styled offline', () => {
		expect(staleAssetCaches(names, '4', '3', new Set(['1']))).toEqual(['assets-2']);
	});

	it('never touches kept pages or the kit’s own notes', () => {
		expect(staleAssetCaches(names, '9', null, new Set())).toEqual([
			'assets-1',
			'assets-2',
			'assets-3',
			'assets-4'
		]);
	});
});

describe('withVersion', () => {
	it('puts the running version last, once, and forgets the oldest beyond five', () => {
		expect(withVersion(['1', '2'], '2')).toEqual(['1', '2']);
		expect(withVersion(['1', '2', '3', '4', '5'], '6')).toEqual(['2', '3', '4', '5', '6']);
	});
});
