import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// Paraglide is compiled by its CLI (`npm run i18n`) before dev, build and test, not by its Vite
// plugin: the plugin leaves timers that slow `vite build` and keep vitest from exiting.
export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.spec.ts'],
		environment: 'node'
	}
});
