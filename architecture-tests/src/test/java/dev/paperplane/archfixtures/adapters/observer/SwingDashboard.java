package dev.paperplane.archfixtures.adapters.observer;

import javax.swing.JFrame;

/** Breaks no UI: a desktop window. */
public final class SwingDashboard {
    JFrame window;
}
