package cn.wucheng.cq.support;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;

import javax.imageio.ImageIO;

/**
 * The home-screen icons of the web app manifest ({@code static/icons/*.png}, issue 13 item 6), drawn once with Java2D
 * and committed: {@code java src/test/java/cn/wucheng/cq/support/AppIcons.java src/main/resources/static/icons} draws
 * them again. The character 效 on a white rounded square on the navigation bar's blue, inside the centre 80 % that a
 * maskable icon keeps.
 */
public final class AppIcons {

	private AppIcons() {
	}

	public static void main(String[] args) throws IOException {
		for (int size : new int[] { 192, 512, 180 }) {
			BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
			Graphics2D g = image.createGraphics();
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			Color blue = new Color(0x0d6efd);
			g.setColor(blue);
			g.fillRect(0, 0, size, size);
			int margin = size / 5;
			g.setColor(Color.WHITE);
			g.fillRoundRect(margin, margin, size - 2 * margin, size - 2 * margin, size / 6, size / 6);
			g.setColor(blue);
			g.setFont(new Font("WenQuanYi Zen Hei", Font.BOLD, size * 38 / 100));
			FontMetrics fm = g.getFontMetrics();
			String text = "效";
			g.drawString(text, (size - fm.stringWidth(text)) / 2, (size - fm.getHeight()) / 2 + fm.getAscent());
			g.dispose();
			String name = size == 180 ? "apple-touch-icon.png" : "icon-" + size + ".png";
			ImageIO.write(image, "png", new File(args[0], name));
		}
	}

}
