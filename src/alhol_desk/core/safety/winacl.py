"""Owner-only access on Windows: an access control list that lets the current user alone in.

``chmod`` on Windows only sets or clears the read-only flag; who may open a file is said by
its DACL (discretionary access control list). A private folder here gets a *protected*
DACL (nothing inherited from its parent, such as "Users: read" on ``C:\\`` or a stick)
with two entries: the current user and Windows itself (LocalSystem), full control,
inherited by everything created inside. A private file gets the same without inheritance.
This is 0700/0600 on POSIX.

Only the Win32 security API is used, through ctypes (advapi32), so nothing is added to the
frozen app. :func:`is_private` reads a path's DACL back entry by entry; anything granting
access to another account (or no DACL at all, which grants everyone) is not private.
"""

from __future__ import annotations

import sys
from pathlib import Path

if sys.platform == "win32":
    import ctypes
    from ctypes import wintypes
    from functools import cache

    _advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)
    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)

    _SE_FILE_OBJECT = 1
    _DACL_SECURITY_INFORMATION = 0x00000004
    _PROTECTED_DACL_SECURITY_INFORMATION = 0x80000000
    _SDDL_REVISION_1 = 1
    _TOKEN_QUERY = 0x0008
    _TOKEN_USER = 1  # TOKEN_INFORMATION_CLASS TokenUser
    _ACCESS_ALLOWED_ACE_TYPE = 0
    _ACCESS_DENIED_ACE_TYPE = 1
    _SID_OFFSET = 8  # ACE_HEADER (4 bytes) + ACCESS_MASK (4 bytes), then the SID

    _PVOID = ctypes.c_void_p
    _advapi32.OpenProcessToken.argtypes = [
        wintypes.HANDLE,
        wintypes.DWORD,
        ctypes.POINTER(wintypes.HANDLE),
    ]
    _advapi32.GetTokenInformation.argtypes = [
        wintypes.HANDLE,
        ctypes.c_int,
        _PVOID,
        wintypes.DWORD,
        ctypes.POINTER(wintypes.DWORD),
    ]
    _advapi32.ConvertSidToStringSidW.argtypes = [_PVOID, ctypes.POINTER(wintypes.LPWSTR)]
    _advapi32.ConvertStringSecurityDescriptorToSecurityDescriptorW.argtypes = [
        wintypes.LPCWSTR,
        wintypes.DWORD,
        ctypes.POINTER(_PVOID),
        _PVOID,
    ]
    _advapi32.SetFileSecurityW.argtypes = [wintypes.LPCWSTR, wintypes.DWORD, _PVOID]
    _advapi32.ConvertStringSidToSidW.argtypes = [wintypes.LPCWSTR, ctypes.POINTER(_PVOID)]
    _advapi32.GetNamedSecurityInfoW.argtypes = [
        wintypes.LPCWSTR,
        ctypes.c_int,
        wintypes.DWORD,
        ctypes.POINTER(_PVOID),
        ctypes.POINTER(_PVOID),
        ctypes.POINTER(_PVOID),
        ctypes.POINTER(_PVOID),
        ctypes.POINTER(_PVOID),
    ]
    _advapi32.GetNamedSecurityInfoW.restype = wintypes.DWORD
    _advapi32.GetAclInformation.argtypes = [_PVOID, _PVOID, wintypes.DWORD, ctypes.c_int]
    _advapi32.GetAce.argtypes = [_PVOID, wintypes.DWORD, ctypes.POINTER(_PVOID)]
    _advapi32.EqualSid.argtypes = [_PVOID, _PVOID]
    _kernel32.LocalFree.argtypes = [_PVOID]
    _kernel32.LocalFree.restype = _PVOID
    _kernel32.GetCurrentProcess.restype = wintypes.HANDLE
    _kernel32.CloseHandle.argtypes = [wintypes.HANDLE]

    class _AclSizeInformation(ctypes.Structure):
        _fields_ = [
            ("AceCount", wintypes.DWORD),
            ("AclBytesInUse", wintypes.DWORD),
            ("AclBytesFree", wintypes.DWORD),
        ]

    _ACL_SIZE_INFORMATION = 2

    def _fail(path: Path | None = None, code: int | None = None) -> OSError:
        code = ctypes.get_last_error() if code is None else code
        error = ctypes.WinError(code)
        if path is not None:
            error.filename = str(path)
        return error

    @cache
    def _user_sid() -> tuple[ctypes.Array[ctypes.c_char], str]:
        """The current user's SID, as the bytes of a TOKEN_USER and as a string (S-1-5-...)."""
        token = wintypes.HANDLE()
        if not _advapi32.OpenProcessToken(
            _kernel32.GetCurrentProcess(), _TOKEN_QUERY, ctypes.byref(token)
        ):
            raise _fail()
        try:
            size = wintypes.DWORD()
            _advapi32.GetTokenInformation(token, _TOKEN_USER, None, 0, ctypes.byref(size))
            buffer = ctypes.create_string_buffer(size.value)
            if not _advapi32.GetTokenInformation(
                token, _TOKEN_USER, buffer, size, ctypes.byref(size)
            ):
                raise _fail()
        finally:
            _kernel32.CloseHandle(token)
        text = wintypes.LPWSTR()
        if not _advapi32.ConvertSidToStringSidW(_sid_of(buffer), ctypes.byref(text)):
            raise _fail()
        try:
            return buffer, str(text.value)
        finally:
            _kernel32.LocalFree(ctypes.cast(text, _PVOID))

    def _sid_of(token_user: ctypes.Array[ctypes.c_char]) -> int:
        # TOKEN_USER starts with SID_AND_ATTRIBUTES, whose first field is the SID pointer.
        return int(ctypes.cast(token_user, ctypes.POINTER(_PVOID))[0] or 0)

    def _set_dacl(path: Path, entries: str) -> None:
        """Replace the DACL of ``path`` by ``entries`` (SDDL ACE strings), protected."""
        descriptor = _PVOID()
        if not _advapi32.ConvertStringSecurityDescriptorToSecurityDescriptorW(
            f"D:P{entries}", _SDDL_REVISION_1, ctypes.byref(descriptor), None
        ):
            raise _fail(path)
        try:
            if not _advapi32.SetFileSecurityW(
                str(path),
                _DACL_SECURITY_INFORMATION | _PROTECTED_DACL_SECURITY_INFORMATION,
                descriptor,
            ):
                raise _fail(path)
        finally:
            _kernel32.LocalFree(descriptor)

    @cache
    def _system_sid() -> int:
        """LocalSystem (S-1-5-18): Windows itself, which can read every file anyway (as root
        can read a 0600 file); its entry is in every DACL wine reports and in Windows' own
        private folders, and it is no other user of the computer."""
        sid = _PVOID()
        if not _advapi32.ConvertStringSidToSidW("S-1-5-18", ctypes.byref(sid)):
            raise _fail()
        return int(sid.value or 0)  # kept for the life of the process

    def make_private(path: Path) -> None:
        """Give ``path`` a protected DACL that grants the current user alone full control
        (and Windows itself, LocalSystem), inherited by new files and folders inside when
        ``path`` is a folder."""
        inherit = "OICI" if path.is_dir() else ""
        _set_dacl(path, f"(A;{inherit};FA;;;SY)(A;{inherit};FA;;;{_user_sid()[1]})")

    def is_private(path: Path) -> bool:
        """Whether only the current user may open ``path``: it has a DACL, and every entry
        that allows anything names the current user or LocalSystem (entries that deny are
        fine)."""
        dacl, descriptor = _PVOID(), _PVOID()
        code = _advapi32.GetNamedSecurityInfoW(
            str(path),
            _SE_FILE_OBJECT,
            _DACL_SECURITY_INFORMATION,
            None,
            None,
            ctypes.byref(dacl),
            None,
            ctypes.byref(descriptor),
        )
        if code:
            raise _fail(path, code)
        try:
            if not dacl.value:
                return False  # a NULL DACL lets everyone in
            info = _AclSizeInformation()
            if not _advapi32.GetAclInformation(
                dacl, ctypes.byref(info), ctypes.sizeof(info), _ACL_SIZE_INFORMATION
            ):
                raise _fail(path)
            user = _sid_of(_user_sid()[0])
            for index in range(info.AceCount):
                ace = _PVOID()
                if not _advapi32.GetAce(dacl, index, ctypes.byref(ace)):
                    raise _fail(path)
                kind = ctypes.cast(ace, ctypes.POINTER(ctypes.c_ubyte))[0]
                if kind == _ACCESS_DENIED_ACE_TYPE:
                    continue
                if kind != _ACCESS_ALLOWED_ACE_TYPE:
                    return False  # object or callback entries: not what make_private writes
                sid = (ace.value or 0) + _SID_OFFSET
                if not (_advapi32.EqualSid(user, sid) or _advapi32.EqualSid(_system_sid(), sid)):
                    return False
            return True
        finally:
            _kernel32.LocalFree(descriptor)

    def grant_everyone(path: Path) -> None:
        """Let every user read and write ``path`` (what a folder on a shared stick or under
        ``C:\\`` may inherit): used by the tests to show a fix, and never by the app."""
        inherit = "OICI" if path.is_dir() else ""
        _set_dacl(path, f"(A;{inherit};FA;;;{_user_sid()[1]})(A;{inherit};0x1200a9;;;WD)")

else:

    def make_private(path: Path) -> None:
        raise OSError("access control lists are set on Windows only; use chmod here")

    def is_private(path: Path) -> bool:
        raise OSError("access control lists are read on Windows only; use stat here")

    def grant_everyone(path: Path) -> None:
        raise OSError("access control lists are set on Windows only; use chmod here")
