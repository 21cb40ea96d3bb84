import { describe, expect, it } from 'vitest';
import { jsonLdScript, xmlText } from './xml-text';

describe('xmlText', () => {
  it('drops what XML forbids or discourages, and nothing else', () => {
    expect(xmlText('a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg')).toBe('abcdefg');
    expect(xmlText('tab\there\nlf\r\ncr')).toBe('tab\there\nlf\r\ncr');
    expect(xmlText('\uFFFE\uFFFF\uFDD0\u{1FFFE}x')).toBe('x');
    expect(xmlText('lone \uD800 and \uDC00, pair 😀')).toBe('lone  and , pair 😀');
    expect(xmlText('\u007F\u0080\u0085\u009F')).toBe('\u0085');
    expect(xmlText('Người dân & <chính quyền> ]]> "đ"')).toBe('Người dân & <chính quyền> ]]> "đ"');
  });
});

describe('jsonLdScript', () => {
  it('cannot close its script element or open a comment, and reads back as the cleaned data', () => {
    const data = { headline: 'Tin </script><script>alert(1)</script> <!-- & \u2028\u2029 \u0001\uFFFE\uD800 ]]>' };
    const json = jsonLdScript(data);
    expect(json).not.toMatch(/[<>&\u2028\u2029\u0001\uFFFE]/);
    expect(JSON.parse(json)).toEqual({ headline: 'Tin </script><script>alert(1)</script> <!-- & \u2028\u2029  ]]>' });
  });
});
