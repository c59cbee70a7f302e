# A real pseudo-terminal for device simulators. Prints nothing itself: talks to its parent over
# stdin/stdout. Parent → pty: raw bytes on stdin. pty → parent: messages `type(1) len(2, BE) payload`
# with type P (slave path), B (baud the other side set, decimal), D (data). Closing stdin (or a
# signal) closes the master: the other side sees the device vanish, like an unplugged USB reader.
import errno, os, select, signal, struct, sys, termios, tty

link = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] else None
master, slave = os.openpty()
tty.setraw(slave)
path = os.ttyname(slave)
os.set_blocking(master, False)
out = sys.stdout.buffer

def send(kind, payload):
    out.write(kind + struct.pack('>H', len(payload)) + payload)
    out.flush()

SPEEDS = {}
for b in (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400):
    SPEEDS[getattr(termios, 'B%d' % b)] = b

if link:
    tmp = link + '.tmp%d' % os.getpid()
    os.symlink(path, tmp)
    os.replace(tmp, link)

def cleanup(*_):
    try:
        if link and os.path.islink(link) and os.readlink(link) == path:
            os.unlink(link)
    except OSError:
        pass
    os._exit(0)

signal.signal(signal.SIGTERM, cleanup)
send(b'P', path.encode())
last = None

def report_baud():
    global last
    try:
        speed = SPEEDS.get(termios.tcgetattr(master)[5], 0)
    except termios.error:
        return
    if speed != last:
        last = speed
        send(b'B', str(speed).encode())

while True:
    report_baud()
    r, _, _ = select.select([master, 0], [], [], 0.05)
    if master in r:
        try:
            data = os.read(master, 65535)
        except OSError:
            data = b''
        if data:
            report_baud()
            send(b'D', data)
    if 0 in r:
        data = os.read(0, 65536)
        if not data:
            cleanup()
        try:
            os.write(master, data)
        except OSError as e:
            if e.errno != errno.EAGAIN:
                cleanup()
            # Nobody reading and the line buffer full: the bytes are lost, like on a real wire.
