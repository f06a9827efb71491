#include "sitrep/store/fault_vfs.h"

#include <sqlite3.h>

#include <mutex>

namespace sitrep {
namespace {

struct FaultFile {
  sqlite3_file base;
  sqlite3_file* real;  // lives right after this struct
};

std::atomic<FaultPlan*> g_plan{nullptr};
sqlite3_vfs* g_real = nullptr;
sqlite3_vfs g_vfs;
sqlite3_io_methods g_io;

sqlite3_file* Real(sqlite3_file* f) { return reinterpret_cast<FaultFile*>(f)->real; }

// True when the plan says this write/sync must fail.
bool Fail() {
  FaultPlan* plan = g_plan.load();
  if (!plan) return false;
  long left = plan->ops_until_failure.load();
  if (left < 0) return false;
  if (left == 0) return true;
  plan->ops_until_failure.fetch_sub(1);
  return false;
}

int Close(sqlite3_file* f) { return Real(f)->pMethods->xClose(Real(f)); }
int Read(sqlite3_file* f, void* b, int n, sqlite3_int64 o) {
  return Real(f)->pMethods->xRead(Real(f), b, n, o);
}
int Write(sqlite3_file* f, const void* b, int n, sqlite3_int64 o) {
  if (Fail()) return SQLITE_IOERR_WRITE;
  return Real(f)->pMethods->xWrite(Real(f), b, n, o);
}
int Truncate(sqlite3_file* f, sqlite3_int64 size) {
  if (Fail()) return SQLITE_IOERR_TRUNCATE;
  return Real(f)->pMethods->xTruncate(Real(f), size);
}
int Sync(sqlite3_file* f, int flags) {
  if (Fail()) return SQLITE_IOERR_FSYNC;
  return Real(f)->pMethods->xSync(Real(f), flags);
}
int FileSize(sqlite3_file* f, sqlite3_int64* s) { return Real(f)->pMethods->xFileSize(Real(f), s); }
int Lock(sqlite3_file* f, int l) { return Real(f)->pMethods->xLock(Real(f), l); }
int Unlock(sqlite3_file* f, int l) { return Real(f)->pMethods->xUnlock(Real(f), l); }
int CheckLock(sqlite3_file* f, int* r) {
  return Real(f)->pMethods->xCheckReservedLock(Real(f), r);
}
int Control(sqlite3_file* f, int op, void* arg) {
  return Real(f)->pMethods->xFileControl(Real(f), op, arg);
}
int SectorSize(sqlite3_file* f) { return Real(f)->pMethods->xSectorSize(Real(f)); }
int Device(sqlite3_file* f) { return Real(f)->pMethods->xDeviceCharacteristics(Real(f)); }
int ShmMap(sqlite3_file* f, int i, int sz, int ext, void volatile** p) {
  return Real(f)->pMethods->xShmMap(Real(f), i, sz, ext, p);
}
int ShmLock(sqlite3_file* f, int off, int n, int flags) {
  return Real(f)->pMethods->xShmLock(Real(f), off, n, flags);
}
void ShmBarrier(sqlite3_file* f) { Real(f)->pMethods->xShmBarrier(Real(f)); }
int ShmUnmap(sqlite3_file* f, int del) { return Real(f)->pMethods->xShmUnmap(Real(f), del); }

int Open(sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* out) {
  FaultFile* ff = reinterpret_cast<FaultFile*>(f);
  ff->real = reinterpret_cast<sqlite3_file*>(ff + 1);
  int rc = g_real->xOpen(g_real, name, ff->real, flags, out);
  ff->base.pMethods = rc == SQLITE_OK && ff->real->pMethods ? &g_io : nullptr;
  return rc;
}
int Delete(sqlite3_vfs*, const char* name, int sync) {
  if (Fail()) return SQLITE_IOERR_DELETE;
  return g_real->xDelete(g_real, name, sync);
}
int Access(sqlite3_vfs*, const char* name, int flags, int* out) {
  return g_real->xAccess(g_real, name, flags, out);
}
int FullPath(sqlite3_vfs*, const char* name, int n, char* out) {
  return g_real->xFullPathname(g_real, name, n, out);
}
int Randomness(sqlite3_vfs*, int n, char* out) { return g_real->xRandomness(g_real, n, out); }
int SleepUs(sqlite3_vfs*, int us) { return g_real->xSleep(g_real, us); }
int Now(sqlite3_vfs*, double* t) { return g_real->xCurrentTime(g_real, t); }
int LastError(sqlite3_vfs*, int n, char* out) { return g_real->xGetLastError(g_real, n, out); }
int Now64(sqlite3_vfs*, sqlite3_int64* t) { return g_real->xCurrentTimeInt64(g_real, t); }

}  // namespace

Status RegisterFaultVfs(FaultPlan* plan) {
  static std::once_flag once;
  static int rc = SQLITE_OK;
  g_plan.store(plan);
  std::call_once(once, [] {
    g_real = sqlite3_vfs_find(nullptr);
    if (!g_real) {
      rc = SQLITE_ERROR;
      return;
    }
    g_io = {};
    g_io.iVersion = 2;  // with shared memory (WAL); without memory-mapped fetch
    g_io.xClose = Close, g_io.xRead = Read, g_io.xWrite = Write, g_io.xTruncate = Truncate;
    g_io.xSync = Sync, g_io.xFileSize = FileSize, g_io.xLock = Lock, g_io.xUnlock = Unlock;
    g_io.xCheckReservedLock = CheckLock, g_io.xFileControl = Control;
    g_io.xSectorSize = SectorSize, g_io.xDeviceCharacteristics = Device;
    g_io.xShmMap = ShmMap, g_io.xShmLock = ShmLock, g_io.xShmBarrier = ShmBarrier;
    g_io.xShmUnmap = ShmUnmap;
    g_vfs = {};
    g_vfs.iVersion = 2;
    g_vfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + g_real->szOsFile;
    g_vfs.mxPathname = g_real->mxPathname;
    g_vfs.zName = kFaultVfsName;
    g_vfs.xOpen = Open, g_vfs.xDelete = Delete, g_vfs.xAccess = Access;
    g_vfs.xFullPathname = FullPath, g_vfs.xRandomness = Randomness, g_vfs.xSleep = SleepUs;
    g_vfs.xCurrentTime = Now, g_vfs.xGetLastError = LastError, g_vfs.xCurrentTimeInt64 = Now64;
    rc = sqlite3_vfs_register(&g_vfs, 0);
  });
  if (rc != SQLITE_OK) return Status::Internal("cannot register the fault-injection VFS");
  return Status::Ok();
}

}  // namespace sitrep
