// "Chrome · Windows" instead of a 120-character user-agent string, so people recognise their
// devices in the list of sessions. Coarse on purpose: order matters (Edge and Opera say Chrome).
const BROWSERS: [RegExp, string][] = [
	[/Edg\//, 'Edge'],
	[/OPR\/|Opera/, 'Opera'],
	[/SamsungBrowser/, 'Samsung Internet'],
	[/Firefox\//, 'Firefox'],
	[/Chrome\/|CriOS/, 'Chrome'],
	[/Safari\//, 'Safari']
];
const SYSTEMS: [RegExp, string][] = [
	[/Android/, 'Android'],
	[/iPhone|iPad|iPod/, 'iOS'],
	[/Windows/, 'Windows'],
	[/Mac OS X|Macintosh/, 'macOS'],
	[/CrOS/, 'ChromeOS'],
	[/Linux/, 'Linux']
];

export function deviceLabel(userAgent: string | null): string | null {
	if (!userAgent) return null;
	const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1];
	const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
	return [browser, system].filter(Boolean).join(' · ') || userAgent.slice(0, 60);
}
