import { describe, expect, it } from 'vitest';
import { deviceLabel } from './device';

describe('deviceLabel', () => {
	it('names the browser and system of common devices', () => {
		expect(
			deviceLabel(
				'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/159.0 Safari/537.36'
			)
		).toBe('Chrome · Windows');
		expect(
			deviceLabel(
				'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0 Mobile Safari/537.36'
			)
		).toBe('Samsung Internet · Android');
		expect(
			deviceLabel(
				'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'
			)
		).toBe('Safari · iOS');
		expect(
			deviceLabel('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')
		).toBe('Firefox · Linux');
	});

	it('falls back to the start of an unknown string, or nothing', () => {
		expect(deviceLabel('curl/8.5.0')).toBe('curl/8.5.0');
		expect(deviceLabel(null)).toBeNull();
	});
});
