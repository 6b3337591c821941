package org.fugitivetracker.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy the test controls, standing between the application and PostgreSQL. {@link #cut()}
 * resets every open connection and refuses new ones (each is accepted and reset at once, as a
 * database that is down would); {@link #hang()} stops forwarding without closing anything (new
 * connections are accepted and then hear nothing, as from a frozen server or a network that drops
 * packets); {@link #restore()} lets connections through again, and what a hang held back goes on.
 */
final class TcpProxy implements AutoCloseable {

	private final String targetHost;

	private final int targetPort;

	private final ServerSocket server;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile boolean cut;

	private volatile boolean hanging;

	private volatile boolean closed;

	TcpProxy(String targetHost, int targetPort) throws IOException {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.server = new ServerSocket();
		this.server.setReuseAddress(true);
		this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		daemon("tcp-proxy-accept", this::acceptLoop);
	}

	int port() {
		return server.getLocalPort();
	}

	void cut() {
		cut = true;
		open.forEach(TcpProxy::reset);
		open.clear();
	}

	void hang() {
		hanging = true;
	}

	void restore() {
		cut = false;
		hanging = false;
	}

	@Override
	public void close() throws IOException {
		closed = true;
		cut();
		server.close();
	}

	private void acceptLoop() {
		while (!closed) {
			try {
				Socket client = server.accept();
				if (cut) {
					reset(client);
					continue;
				}
				Socket upstream = new Socket(targetHost, targetPort);
				client.setTcpNoDelay(true);
				upstream.setTcpNoDelay(true);
				open.add(client);
				open.add(upstream);
				pump(client, upstream);
				pump(upstream, client);
			}
			catch (IOException ex) {
				// closed, or the target refused: the client sees its connection end
			}
		}
	}

	private void pump(Socket from, Socket to) {
		daemon("tcp-proxy-pump", () -> {
			byte[] buffer = new byte[16384];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) != -1) {
					while (hanging && !closed && !from.isClosed()) {
						Thread.sleep(10);
					}
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// one side closed or was reset
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				reset(from);
				reset(to);
				open.remove(from);
				open.remove(to);
			}
		});
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	/** Closes with RST rather than FIN, like a connection that broke rather than ended politely. */
	private static void reset(Socket socket) {
		try {
			socket.setSoLinger(true, 0);
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}
