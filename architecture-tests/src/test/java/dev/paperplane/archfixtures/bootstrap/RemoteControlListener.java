package dev.paperplane.archfixtures.bootstrap;

import java.io.IOException;
import java.net.ServerSocket;

/** Breaks no external control surface: a socket listener of our own. */
public final class RemoteControlListener {
    ServerSocket listen() throws IOException {
        return new ServerSocket(0);
    }
}
