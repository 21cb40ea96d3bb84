import { describe, expect, it } from 'vitest';
import { ChromiumNotFound, findChromium } from './chromium';

describe('findChromium', () => {
  it('prefers CHROMIUM_PATH', () => {
    expect(findChromium({ CHROMIUM_PATH: '/opt/c/chrome' }, (p) => p === '/opt/c/chrome')).toBe('/opt/c/chrome');
  });

  it('refuses a CHROMIUM_PATH that does not exist', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/nope' }, () => false)).toThrow(/CHROMIUM_PATH/);
  });

  it('falls back to /usr/bin/chromium', () => {
    expect(findChromium({}, (p) => p === '/usr/bin/chromium')).toBe('/usr/bin/chromium');
  });

  it('names what to install when nothing is found', () => {
    expect(() => findChromium({}, () => false)).toThrow(ChromiumNotFound);
    expect(() => findChromium({}, () => false)).toThrow(/apt-get install -y chromium/);
  });
});
