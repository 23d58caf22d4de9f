"""Where a bundle or card can go: the mounted drives, removable ones (USB sticks) first.

Qt's QStorageInfo lists volumes but cannot tell a stick from a disk, so each platform's
own sign is read: Windows' drive type, Linux's ``removable`` flag in /sys or a mount under
/media, a volume under /Volumes on macOS.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStorageInfo

# File systems that are never where a person puts a stick (kernel, containers, snaps).
_PSEUDO = {
    "proc", "sysfs", "tmpfs", "devtmpfs", "devpts", "overlay", "squashfs", "cgroup", "cgroup2",
    "autofs", "mqueue", "debugfs", "tracefs", "securityfs", "pstore", "bpf", "fusectl",
    "configfs", "hugetlbfs", "binfmt_misc", "efivarfs", "nsfs", "ramfs", "rpc_pipefs",
}  # fmt: skip
_REMOVABLE_MOUNTS = ("/media/", "/run/media/", "/mnt/", "/Volumes/")


@dataclass(frozen=True)
class Drive:
    path: Path
    name: str
    removable: bool
    free_bytes: int


def _linux_removable(device: str) -> bool:
    name = Path(device).name  # /dev/sdb1 -> sdb1; its disk is sdb
    disk = name.rstrip("0123456789")
    if disk.startswith("nvme") or disk.startswith("mmcblk"):
        disk = name.split("p")[0] if "p" in name[4:] else name
    try:
        return (Path("/sys/block") / disk / "removable").read_text().strip() == "1"
    except OSError:
        return False


def _windows_removable(root: str) -> bool:
    try:
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        return int(kernel32.GetDriveTypeW(root)) == 2  # DRIVE_REMOVABLE
    except (AttributeError, OSError):
        return False


def is_removable(volume: QStorageInfo) -> bool:
    root = volume.rootPath()
    if sys.platform == "win32":
        return _windows_removable(root)
    if root.startswith(_REMOVABLE_MOUNTS):
        return True
    device = bytes(volume.device().data()).decode(errors="replace")
    return device.startswith("/dev/") and _linux_removable(device)


def _system_drive(root: str) -> bool:
    if sys.platform == "win32":
        system = os.environ.get("SYSTEMDRIVE", "C:").rstrip("\\/").upper()
        return root.upper().startswith(system)
    return True  # elsewhere only removable drives are offered; the home folder is offered apart


def mounted_drives() -> list[Drive]:
    """Writable, ready drives where a stick may be: removable ones first, by name.

    On Windows the other non-system drives follow (a USB hard disk reports itself as fixed).
    """
    found: list[Drive] = []
    for volume in QStorageInfo.mountedVolumes():
        if not (volume.isValid() and volume.isReady()) or volume.isReadOnly():
            continue
        kind = bytes(volume.fileSystemType().data()).decode(errors="replace")
        if kind in _PSEUDO:
            continue
        removable = is_removable(volume)
        if not removable and _system_drive(volume.rootPath()):
            continue
        root = Path(volume.rootPath())
        name = volume.displayName() or volume.name() or str(root)
        found.append(Drive(root, name, removable, int(volume.bytesAvailable())))
    found.sort(key=lambda drive: (not drive.removable, drive.name.casefold()))
    return found
