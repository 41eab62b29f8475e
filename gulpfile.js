const path = require('node:path');
const { task, src, dest, parallel } = require('gulp');

// tsc writes only .js/.d.ts; n8n also needs each node's icon and codex file beside it.
function copyIcons() {
	return src(['icons/*.svg'], { encoding: false }).pipe(dest(path.join('dist', 'icons')));
}

function copyCodex() {
	return src(['nodes/**/*.node.json'], { base: '.' }).pipe(dest('dist'));
}

task('build:assets', parallel(copyIcons, copyCodex));
