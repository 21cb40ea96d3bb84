import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MediaError, processImage } from './media';

const image = (format: 'jpeg' | 'png' | 'webp' | 'avif', width = 1200, height = 800) =>
  sharp({ create: { width, height, channels: 3, background: { r: 160, g: 30, b: 30 } } })
    .toFormat(format)
    .toBuffer();

describe('processImage', () => {
  it.each(['jpeg', 'png', 'webp', 'avif'] as const)('accepts %s and makes WebP variants no wider than the original', async (format) => {
    const result = await processImage(await image(format));
    expect(result).toMatchObject({ width: 1200, height: 800 });
    expect(result.variants.map((v) => v.width)).toEqual([320, 640, 1024, 1200]);
    for (const v of result.variants) {
      expect((await sharp(v.data).metadata()).format).toBe('webp');
      expect(v.height).toBe(Math.round((v.width * 800) / 1200));
    }
  });

  it('judges the type from the bytes, not the name', async () => {
    await expect(processImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).rejects.toThrow(MediaError);
    await expect(processImage(Buffer.from('GIF89a not really'))).rejects.toThrow(MediaError);
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: 'white' } }).gif().toBuffer();
    await expect(processImage(gif)).rejects.toThrow('Chỉ nhận ảnh JPEG, PNG, WebP hoặc AVIF.');
  });

  it('refuses files over 10 MB and empty files', async () => {
    await expect(processImage(Buffer.alloc(10 * 1024 * 1024 + 1))).rejects.toThrow('10 MB');
    await expect(processImage(Buffer.alloc(0))).rejects.toThrow('rỗng');
  });
});
